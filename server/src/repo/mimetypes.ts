/** Mimetypes by file extension, as ACS's mimetype map guesses them from the name. */
const BY_EXT: Record<string, [string, string]> = {
  mp4: ['video/mp4', 'MPEG4 Video'],
  m4v: ['video/mp4', 'MPEG4 Video'],
  m4a: ['audio/mp4', 'MPEG4 Audio'],
  mov: ['video/quicktime', 'Quicktime Video'],
  avi: ['video/x-msvideo', 'MS Video'],
  mkv: ['video/x-matroska', 'Matroska Video'],
  webm: ['video/webm', 'WebM Video'],
  mp3: ['audio/mpeg', 'MPEG Audio Stream, Layer III'],
  wav: ['audio/x-wav', 'WAV Audio'],
  aac: ['audio/aac', 'AAC Audio'],
  pdf: ['application/pdf', 'Adobe PDF Document'],
  txt: ['text/plain', 'Plain Text'],
  csv: ['text/csv', 'Comma Separated Values (CSV)'],
  json: ['application/json', 'JSON'],
  xml: ['text/xml', 'XML'],
  html: ['text/html', 'HTML'],
  jpg: ['image/jpeg', 'JPEG Image'],
  jpeg: ['image/jpeg', 'JPEG Image'],
  png: ['image/png', 'PNG Image'],
  gif: ['image/gif', 'GIF Image'],
  zip: ['application/zip', 'ZIP'],
  iso: ['application/x-iso9660-image', 'ISO 9660 Image'],
  doc: ['application/msword', 'Microsoft Word'],
  docx: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'Microsoft Word 2007',
  ],
  xlsx: [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Microsoft Excel 2007',
  ],
};

const NAMES: Record<string, string> = Object.fromEntries(Object.values(BY_EXT));

/** Mimetype guessed from a file name, else `fallback`, else application/octet-stream. */
export function guessMimeType(name: string, fallback?: string): string {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const hit = BY_EXT[ext];
  if (hit) return hit[0];
  if (fallback && /^[\w.+-]+\/[\w.+-]+$/.test(fallback)) return fallback;
  return 'application/octet-stream';
}

/** Display name of a mimetype. */
export function mimeTypeName(mime: string): string {
  return NAMES[mime] ?? (mime === 'application/octet-stream' ? 'Binary File (Octet Stream)' : mime);
}
