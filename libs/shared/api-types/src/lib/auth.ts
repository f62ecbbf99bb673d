import { z } from 'zod';

export const userRoles = ['clerk', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

/** `POST /api/auth/login` body. */
export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名 / Username is required').max(64),
  password: z.string().min(1, '请输入密码 / Password is required').max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** The signed-in user, as `GET /api/auth/me` and login return it. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
}

export interface CurrentUserResponse {
  user: CurrentUser;
}
