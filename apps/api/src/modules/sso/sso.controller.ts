import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiConflictResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import * as express from 'express';
import { CurrentUser, Public } from '../../common/auth/decorators';
import type { AuthedRequest, AuthUser } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { ErrorCode } from '../../common/errors/error-codes';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { AppConfigService } from '../../config/app-config.service';
import { AccountsService } from '../accounts/accounts.service';
import { RateLimiterService } from '../accounts/rate-limiter.service';
import { setSessionCookie } from '../accounts/session-cookie';
import { SaveSsoConfigDto, SsoConfigDto, SsoDomainDto, SsoSettingsDto, SsoStartQueryDto } from './dto/sso.dto';
import { SSO_STATE_TTL_SECONDS, SsoService } from './sso.service';

/** Binds a sign-in's state to the browser that started it (a login-CSRF defence). */
export const SSO_STATE_COOKIE = 'goprep_sso_state';
const SSO_COOKIE_PATH = '/api/auth/sso';
const STARTS_PER_IP = 60;
const START_WINDOW_SECONDS = 15 * 60;

@ApiTags('sso')
@Controller()
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly accounts: AccountsService,
    private readonly limiter: RateLimiterService,
    private readonly config: AppConfigService,
  ) {}

  @Public()
  @Get('auth/sso/start')
  @ApiOperation({ summary: "Begin single sign-on for the organization of the email's domain: redirects to its identity provider (errors redirect to /login?sso_error=CODE)" })
  @ApiFoundResponse({ description: 'To the identity provider, or back to the login page with sso_error' })
  async start(@Query() query: SsoStartQueryDto, @Req() req: AuthedRequest, @Res() res: express.Response): Promise<void> {
    try {
      const ipState = await this.limiter.hit(`sso-start:ip:${req.ip ?? 'unknown'}`, START_WINDOW_SECONDS);
      if (ipState.count > STARTS_PER_IP) throw new AppError(ErrorCode.RATE_LIMITED, 'Too many sign-in attempts; try again later.');
      const started = await this.sso.start(query.email);
      res.cookie(SSO_STATE_COOKIE, started.state, {
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries it.
        sameSite: 'lax',
        secure: this.config.get('COOKIE_SECURE') || req.secure,
        path: SSO_COOKIE_PATH,
        maxAge: SSO_STATE_TTL_SECONDS * 1000,
      });
      res.redirect(302, started.authorizationUrl);
    } catch (e) {
      this.toLogin(res, e);
    }
  }

  @Public()
  @Get('auth/sso/callback')
  @ApiOperation({ summary: 'Where the identity provider returns: checks state, code (PKCE) and ID token, signs in and redirects to the app (errors redirect to /login?sso_error=CODE)' })
  @ApiFoundResponse({ description: 'To the app with a session cookie, or to the login page with sso_error' })
  async callback(@Req() req: AuthedRequest, @Res() res: express.Response): Promise<void> {
    const cookieState = (req.cookies as Record<string, string | undefined>)[SSO_STATE_COOKIE];
    res.clearCookie(SSO_STATE_COOKIE, { path: SSO_COOKIE_PATH });
    try {
      const qs = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
      const user = await this.sso.finish(qs, cookieState);
      const session = await this.accounts.createSession(user.id, { userAgent: req.header('user-agent') ?? undefined, ip: req.ip ?? undefined });
      setSessionCookie(req, res, session, this.config.get('COOKIE_SECURE'));
      res.redirect(302, `${this.config.get('publicUrl')}/`);
    } catch (e) {
      this.toLogin(res, e);
    }
  }

  @Get('orgs/:id/sso')
  @ApiOperation({ summary: "The organization's single sign-on settings (owners and managers); the client secret is never returned" })
  @ApiOkResponse({ type: SsoSettingsDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ORGANIZATION_NOT_FOUND' })
  async get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<SsoSettingsDto> {
    return { redirectUri: this.sso.redirectUri, config: await this.sso.getConfig(user.id, id) };
  }

  @Put('orgs/:id/sso')
  @ApiOperation({ summary: "Set the organization's OpenID Connect provider (its discovery document is read first); omit clientSecret to keep the stored one" })
  @ApiOkResponse({ type: SsoConfigDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ORGANIZATION_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SSO_DOMAIN_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'SSO_DISCOVERY_FAILED' })
  save(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: SaveSsoConfigDto): Promise<SsoConfigDto> {
    return this.sso.saveConfig(user.id, id, body);
  }

  @Post('orgs/:id/sso/domains/:domain/verify')
  @HttpCode(200)
  @ApiOperation({ summary: "Verify a listed email domain: looks up the TXT record `_goprep-challenge.<domain>` and, when it holds the organization's value, marks the domain verified (only verified domains route sign-ins)" })
  @ApiOkResponse({ type: SsoDomainDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ORGANIZATION_NOT_FOUND, SSO_DOMAIN_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SSO_DOMAIN_TAKEN: another organization verified it' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'SSO_DOMAIN_PROOF_MISSING: no TXT record, or none with this value' })
  verifyDomain(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Param('domain') domain: string): Promise<SsoDomainDto> {
    return this.sso.verifyDomain(user.id, id, domain);
  }

  /** A navigation cannot show a JSON error: the login page shows the code's message instead. */
  private toLogin(res: express.Response, e: unknown): void {
    if (!(e instanceof AppError)) throw e;
    res.redirect(302, `${this.config.get('publicUrl')}/login?sso_error=${encodeURIComponent(e.code)}`);
  }
}
