import { Component, computed, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe } from '@ngx-translate/core';
import { CurrentUserService } from '../../shared/public-api';
import { TileLink, tileLink, tilesFor } from '../dashboard.rules';
import { DashboardService } from '../dashboard.service';

/** A tile as shown: count null while loading, 'error' when it could not be read. */
interface TileView {
  id: string;
  icon: string;
  link: TileLink;
  count: number | null | 'error';
}

/**
 * The dashboard: what waits for this person, one count per kind of work their roles do, each
 * opening the feature screen where that work is done, filtered to what was counted. Zero is
 * said in words, not just shown as "0".
 */
@Component({
  selector: 'efr-dashboard',
  imports: [RouterLink, MatCardModule, MatIconModule, MatProgressSpinnerModule, TranslatePipe],
  templateUrl: './dashboard.smart-component.html',
  styleUrl: './dashboard.smart-component.css',
})
export class DashboardSmartComponent {
  private readonly service = inject(DashboardService);
  private readonly currentUser = inject(CurrentUserService);

  /** The signed-in user. */
  protected readonly user = this.currentUser.user;
  /** The tiles with their counts. */
  protected readonly tiles = signal<TileView[]>([]);
  /** Whether the user's roles give them any tile. */
  protected readonly hasTiles = computed(() => tilesFor(this.user()).length > 0);

  constructor() {
    effect(() => this.loadCounts());
  }

  private loadCounts(): void {
    const user = this.user();
    if (!user) return;
    const tiles = tilesFor(user).map((t) => ({ tile: t, source: t.source(user) }));
    this.tiles.set(
      tiles.map(({ tile, source }) => ({
        id: tile.id,
        icon: tile.icon,
        link: tileLink(source),
        count: null,
      })),
    );
    for (const { tile, source } of tiles) {
      this.service.count(source, user).then(
        (count) => this.setCount(tile.id, count),
        // One unreadable count must not blank the others: that tile says it failed.
        () => this.setCount(tile.id, 'error'),
      );
    }
  }

  private setCount(id: string, count: number | 'error'): void {
    this.tiles.update((tiles) => tiles.map((t) => (t.id === id ? { ...t, count } : t)));
  }
}
