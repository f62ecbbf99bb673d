/** The one error body every API route answers with on a 4xx or 5xx. */
export interface ApiErrorBody {
  /** Stable machine code, e.g. `validation_failed`, `not_found`, `conflict`, `unauthenticated`. */
  code: string;
  /** A sentence a clerk can act on, in Chinese first. */
  message: string;
  /** Per-field problems when the input failed validation. */
  fields?: Record<string, string>;
}
