import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@samverkan/access';
import { ApiCreated, ApiNoContent, ApiOk, etagOf, IfMatchVersion, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import {
  MfaStatusView,
  PasskeyOptionsView,
  PasskeyRegistrationRequest,
  PasskeyRenameRequest,
  PasskeyView,
  RecoveryCodesView,
  TotpCodeRequest,
  TotpEnrolmentView,
} from './mfa.dto.js';
import { MfaService } from './mfa.service.js';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version (ETag) you last read' };

/** The signed-in user's own second factors (issue #18): the Security page. */
@ApiTags('auth')
@Controller({ path: 'me/mfa', version: '1' })
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Säkerhet (Security): my authenticator app, recovery codes left and passkeys' })
  @ApiOk(MfaStatusView)
  status(@CurrentPrincipal() principal: Principal): Promise<MfaStatusView> {
    return this.mfa.status(principal.userId);
  }

  @Post('totp')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Koppla autentiseringsapp (Start TOTP): a new key, active once confirmed with a code' })
  @ApiOk(TotpEnrolmentView)
  startTotp(@CurrentPrincipal() principal: Principal): Promise<TotpEnrolmentView> {
    return this.mfa.startTotp(principal);
  }

  @Post('totp/confirm')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Bekräfta appen (Confirm TOTP) with a code; answers ten recovery codes, shown this once' })
  @ApiOk(RecoveryCodesView)
  confirmTotp(@CurrentPrincipal() principal: Principal, @Body() body: TotpCodeRequest): Promise<RecoveryCodesView> {
    return this.mfa.confirmTotp(principal, body.code);
  }

  @Post('totp/disable')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Stäng av appen (Turn TOTP off) with a current code; its recovery codes go too' })
  @ApiNoContent()
  disableTotp(@CurrentPrincipal() principal: Principal, @Body() body: TotpCodeRequest): Promise<void> {
    return this.mfa.disableTotp(principal, body.code);
  }

  @Post('recovery-codes')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Nya reservkoder (New recovery codes) with a current code; the old ones stop working' })
  @ApiOk(RecoveryCodesView)
  regenerate(@CurrentPrincipal() principal: Principal, @Body() body: TotpCodeRequest): Promise<RecoveryCodesView> {
    return this.mfa.regenerateRecoveryCodes(principal, body.code);
  }

  @Post('passkeys/options')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lägg till passkey (Add a passkey): registration options' })
  @ApiOk(PasskeyOptionsView)
  passkeyOptions(@CurrentPrincipal() principal: Principal): Promise<PasskeyOptionsView> {
    return this.mfa.passkeyRegistrationOptions(principal);
  }

  @Post('passkeys')
  @Authenticated()
  @ApiOperation({ summary: 'Lägg till passkey (Add a passkey): the attestation for the options' })
  @ApiCreated(PasskeyView)
  addPasskey(@CurrentPrincipal() principal: Principal, @Body() body: PasskeyRegistrationRequest): Promise<PasskeyView> {
    return this.mfa.registerPasskey(principal, body.challenge, body.name, body.response);
  }

  @Patch('passkeys/:id')
  @Authenticated()
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Byt namn (Rename a passkey)' })
  @ApiOk(PasskeyView)
  async renamePasskey(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: PasskeyRenameRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PasskeyView> {
    const passkey = await this.mfa.renamePasskey(principal, id, version, body.name);
    void reply.header('etag', etagOf(passkey.version));
    return passkey;
  }

  @Delete('passkeys/:id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort passkey (Remove a passkey)' })
  @ApiNoContent()
  removePasskey(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.mfa.removePasskey(principal, id);
  }
}
