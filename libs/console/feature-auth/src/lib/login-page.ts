import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { apiErrorMessage, AuthStore } from '@workpiece/console-data-access-auth';
import { LanguageToggle } from '@workpiece/console-ui';
import { I18n, TranslatePipe } from '@workpiece/console-util-i18n';

/** Where to go after signing in when no (safe) `returnUrl` was given. */
const homeUrl = '/workpieces';

/** The sign-in form: username and password against the API's cookie session. */
@Component({
  selector: 'wp-login-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    LanguageToggle,
    TranslatePipe,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  /** The page the guard or the 401 handler sent the clerk away from (bound from the query string). */
  readonly returnUrl = input<string>();

  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { username, password } = this.form.getRawValue();
    this.error.set(null);
    this.submitting.set(true);
    try {
      await this.auth.login(username.trim(), password);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      this.error.set(apiErrorMessage(error) ?? this.i18n.t('errors.network'));
    } finally {
      this.submitting.set(false);
    }
  }
}

/** Only same-origin paths, so a crafted link cannot send a clerk elsewhere after signing in. */
function safeReturnUrl(url: string | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/login')) return homeUrl;
  return url;
}
