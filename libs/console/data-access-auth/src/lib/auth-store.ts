import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { CurrentUser, CurrentUserResponse, LoginRequest } from '@workpiece/api-types';
import { firstValueFrom, type Observable } from 'rxjs';
import { handlesOwnErrors } from './api-error';
import { API_URL } from './api-url';

/** Who is signed in. The session itself is an httpOnly cookie the console never sees. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly apiUrl = inject(API_URL);
  private readonly currentUser = signal<CurrentUser | null>(null);
  private readonly pending = signal(0);

  /** The signed-in user, or null. */
  readonly user = this.currentUser.asReadonly();
  /** Whether a login, logout or session check is under way. */
  readonly loading = computed(() => this.pending() > 0);
  /** Whether someone is signed in. */
  readonly signedIn = computed(() => this.currentUser() !== null);

  /** Signs in; rejects with the `HttpErrorResponse` (401 for wrong credentials) for the form to show. */
  async login(username: string, password: string): Promise<CurrentUser> {
    const body: LoginRequest = { username, password };
    const { user } = await this.track(
      this.http.post<CurrentUserResponse>(`${this.apiUrl}/auth/login`, body, { context: handlesOwnErrors() }),
    );
    this.currentUser.set(user);
    return user;
  }

  /** Ends the session; the user is forgotten here even when the server cannot be reached. */
  async logout(): Promise<void> {
    try {
      await this.track(this.http.post<void>(`${this.apiUrl}/auth/logout`, null, { context: handlesOwnErrors() }));
    } catch {
      // The cookie dies with the server-side session anyway; nothing a clerk can do about it here.
    } finally {
      this.currentUser.set(null);
    }
  }

  /** Asks the server who the session belongs to; null when nobody is signed in. */
  async loadMe(): Promise<CurrentUser | null> {
    try {
      const { user } = await this.track(
        this.http.get<CurrentUserResponse>(`${this.apiUrl}/auth/me`, { context: handlesOwnErrors() }),
      );
      this.currentUser.set(user);
      return user;
    } catch (error) {
      this.currentUser.set(null);
      if (error instanceof HttpErrorResponse) return null;
      throw error;
    }
  }

  /** Forgets the user after the server said the session is gone (a 401 elsewhere). */
  clear(): void {
    this.currentUser.set(null);
  }

  private async track<T>(request: Observable<T>): Promise<T> {
    this.pending.update((n) => n + 1);
    try {
      return await firstValueFrom(request);
    } finally {
      this.pending.update((n) => n - 1);
    }
  }
}
