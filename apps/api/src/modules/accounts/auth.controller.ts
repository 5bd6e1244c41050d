import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiCreatedResponse, ApiGoneResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import * as express from 'express';
import { CurrentUser, Public } from '../../common/auth/decorators';
import type { AuthedRequest } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../common/auth/cookies';
import { newCsrfToken } from '../../common/auth/csrf.middleware';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { AppConfigService } from '../../config/app-config.service';
import { AccountsService, NewSession } from './accounts.service';
import { AuthResultDto, ChangePasswordDto, CsrfDto, ForgotPasswordDto, ForgotPasswordResultDto, LoginDto, mapUser, RegisterDto, ResetPasswordDto } from './dto/auth.dto';
import { PasswordResetService } from './password-reset.service';
import { setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly config: AppConfigService,
    private readonly resets: PasswordResetService,
  ) {}

  @Public()
  @Get('csrf')
  @ApiOperation({ summary: 'Get (and set as a cookie) the CSRF token to echo in X-CSRF-Token' })
  @ApiOkResponse({ type: CsrfDto })
  csrf(@Req() req: AuthedRequest & { csrfToken?: string }, @Res({ passthrough: true }) res: express.Response): CsrfDto {
    const existing = (req.cookies as Record<string, string | undefined>)[CSRF_COOKIE] ?? req.csrfToken;
    if (existing) return { token: existing };
    const token = newCsrfToken();
    res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'lax', secure: this.config.get('COOKIE_SECURE') || req.secure, path: '/' });
    return { token };
  }

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an account and log in (the first account becomes admin)' })
  @ApiCreatedResponse({ type: AuthResultDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EMAIL_TAKEN' })
  async register(
    @Body() body: RegisterDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: express.Response,
  ): Promise<AuthResultDto> {
    const user = await this.accounts.register(body);
    this.setSessionCookie(req, res, await this.accounts.createSession(user.id, meta(req)));
    return { user: mapUser(user) };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password; sets the session cookie' })
  @ApiOkResponse({ type: AuthResultDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED, with Retry-After' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: "SSO_REQUIRED: a manager of an organization that requires single sign-on" })
  async login(
    @Body() body: LoginDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: express.Response,
  ): Promise<AuthResultDto> {
    const user = await this.accounts.authenticate(body.email, body.password, req.ip ?? 'unknown');
    this.setSessionCookie(req, res, await this.accounts.createSession(user.id, meta(req)));
    return { user: mapUser(user) };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session' })
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: express.Response): Promise<void> {
    await this.accounts.revokeSession(user.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change my password; every other session of mine is logged out' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'INVALID_CREDENTIALS when the current password is wrong' })
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.accounts.changePassword(user, body.currentPassword, body.newPassword);
  }

  @Public()
  @Post('password/forgot')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask for a password reset link by mail (when SMTP is configured); the answer never tells whether the account exists' })
  @ApiOkResponse({ type: ForgotPasswordResultDto })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED (per client address), with Retry-After' })
  async forgotPassword(@Body() body: ForgotPasswordDto, @Req() req: AuthedRequest): Promise<ForgotPasswordResultDto> {
    await this.resets.requestByMail(body.email, req.ip ?? 'unknown', body.locale ?? 'en');
    return { byMail: this.resets.byMail };
  }

  @Public()
  @Post('password/reset')
  @HttpCode(204)
  @ApiOperation({ summary: 'Choose a new password with a reset link; the link is used up and every session of the account is logged out' })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'PASSWORD_RESET_INVALID (unknown, used, expired or replaced)' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED after many invalid links from one address, with Retry-After' })
  async resetPassword(@Body() body: ResetPasswordDto, @Req() req: AuthedRequest): Promise<void> {
    await this.resets.reset(body.token, body.newPassword, req.ip ?? 'unknown');
  }

  private setSessionCookie(req: express.Request, res: express.Response, session: NewSession): void {
    setSessionCookie(req, res, session, this.config.get('COOKIE_SECURE'));
  }
}

function meta(req: AuthedRequest): { userAgent?: string; ip?: string } {
  return { userAgent: req.header('user-agent') ?? undefined, ip: req.ip ?? undefined };
}
