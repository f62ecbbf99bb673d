/** `GET /api/health`: whether the API can reach its database. */
export interface HealthResponse {
  /** `ok` when the database answered, `degraded` when it did not. */
  status: 'ok' | 'degraded';
  database: {
    ok: boolean;
    /** Round trip of `SELECT 1`, when it answered. */
    latencyMs?: number;
    /** The driver's message, when it did not. */
    error?: string;
  };
  /** Server time, ISO 8601. */
  time: string;
}
