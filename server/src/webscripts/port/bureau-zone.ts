import { ASIA_SHANGHAI, fixedOffsetZone, type Zone } from '../../../../core/src/index.js';

const OFFSET = /^(?:UTC|GMT)?([+-])(\d{2}):?(\d{2})$/;

/**
 * An IANA zone through Node's Intl (core never reads Intl, so the host supplies the zone):
 * the offset at an instant comes from the `longOffset` name, e.g. `GMT+08:00`.
 */
function intlZone(name: string): Zone {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  return {
    offsetMinutesAt(epochMs: number): number {
      const part = fmt.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName');
      const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part?.value ?? '');
      if (!m) return 0; // `GMT` alone: the zone is at UTC at that instant
      return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    },
  };
}

/**
 * The bureau's zone for handover deadlines (R21.1): `EFR_TIME_ZONE` as an IANA name
 * (`Asia/Shanghai`, the default) or a fixed offset (`+08:00`). China has no daylight saving
 * since 1992, so Asia/Shanghai maps to core's fixed ASIA_SHANGHAI, identical in Rhino.
 * A bad value is a configuration error and stops the start-up.
 */
export function bureauZone(value = process.env.EFR_TIME_ZONE): Zone {
  const v = (value ?? '').trim();
  if (v === '' || v === 'Asia/Shanghai') return ASIA_SHANGHAI;
  const m = OFFSET.exec(v);
  if (m) return fixedOffsetZone((m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])));
  try {
    return intlZone(v);
  } catch (err) {
    // Intl throws RangeError for an unknown zone name: say which setting is wrong.
    throw new Error(`EFR_TIME_ZONE is not a time zone: ${v} (${(err as Error).message})`);
  }
}
