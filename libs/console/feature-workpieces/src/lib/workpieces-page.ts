import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import type { WorkpieceDto, WorkpieceListResponse } from '@workpiece/api-types';
import { WorkpiecesApi } from '@workpiece/console-data-access-workpieces';
import { EmptyState, PageHeader } from '@workpiece/console-ui';
import { DateTimePipe, TranslatePipe } from '@workpiece/console-util-i18n';
import { debounceTime, distinctUntilChanged, map, Subject } from 'rxjs';

/** How long typing must pause before the list is asked for again. */
const searchDebounceMs = 300;

interface ListState {
  response: WorkpieceListResponse | undefined;
  failed: boolean;
}

/** The workpiece list: server-side search by code and paging. */
@Component({
  selector: 'wp-workpieces-page',
  imports: [
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatFormField,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatTable,
    DateTimePipe,
    EmptyState,
    PageHeader,
    TranslatePipe,
  ],
  templateUrl: './workpieces-page.html',
  styleUrl: './workpieces-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkpiecesPage {
  private readonly api = inject(WorkpiecesApi);
  private readonly searchInput = new Subject<string>();

  protected readonly columns = ['code', 'description', 'location', 'placedAt', 'placedBy'] as const;
  protected readonly pageSizeOptions = [20, 50, 100];

  /** The search text once typing has paused. */
  protected readonly q = toSignal(
    this.searchInput.pipe(
      map((text) => text.trim()),
      debounceTime(searchDebounceMs),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  /** Back to the first page whenever the search changes. */
  protected readonly pageIndex = linkedSignal({ source: this.q, computation: () => 0 });
  protected readonly pageSize = signal(50);

  protected readonly list = rxResource({
    params: () => ({ q: this.q(), page: this.pageIndex() + 1, pageSize: this.pageSize() }),
    stream: ({ params }) => this.api.list(params),
  });

  /** The last page that arrived, kept on screen while the next one loads; dropped on error. */
  private readonly shown = linkedSignal<ListState, WorkpieceListResponse | undefined>({
    source: () => ({
      response: this.list.hasValue() ? this.list.value() : undefined,
      failed: this.list.status() === 'error',
    }),
    computation: ({ response, failed }, previous) => (failed ? undefined : (response ?? previous?.value)),
  });

  protected readonly rows = computed(() => this.shown()?.items ?? []);
  /** Null while no page is known (first load, failure), so the header claims no count. */
  protected readonly total = computed(() => this.shown()?.total ?? null);
  protected readonly failed = computed(() => this.list.status() === 'error');

  protected onSearch(text: string): void {
    this.searchInput.next(text);
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  /** `车体新厂房/3号`: the location's names from the root down. */
  protected locationPath(workpiece: WorkpieceDto): string | null {
    return workpiece.location ? workpiece.location.path.join('/') : null;
  }
}
