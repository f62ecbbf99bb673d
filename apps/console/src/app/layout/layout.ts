import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatToolbar } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from '@workpiece/console-data-access-auth';
import { LanguageToggle } from '@workpiece/console-ui';
import { TranslatePipe } from '@workpiece/console-util-i18n';

/** The signed-in frame: toolbar with product name, navigation, language and user. */
@Component({
  selector: 'wp-layout',
  imports: [MatButton, MatIcon, MatToolbar, RouterLink, RouterLinkActive, RouterOutlet, LanguageToggle, TranslatePipe],
  templateUrl: './layout.html',
  styleUrl: './layout.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Layout {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly user = this.auth.user;

  protected async logout(): Promise<void> {
    await this.auth.logout();
    await this.router.navigateByUrl('/login');
  }
}
