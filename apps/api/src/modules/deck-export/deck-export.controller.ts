import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { RequestedContentLocale, type ContentLocale } from '../../common/i18n/content-locale';
import { DeckExportService, type ExportFile } from './deck-export.service';
import { DeckExportQueryDto } from './dto/deck-export.dto';

function send(res: Response, file: ExportFile): StreamableFile {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(file.body);
}

@ApiTags('drills')
@Controller('drills')
export class DeckExportController {
  constructor(private readonly exports: DeckExportService) {}

  @Get('export.apkg')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'My deck (or the cards I missed) as an Anki package: code highlighted, explanation on the back, tags by topic; importing a newer export updates the notes' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  async apkg(
    @CurrentUser() user: AuthUser,
    @Query() query: DeckExportQueryDto,
    @RequestedContentLocale() locale: ContentLocale,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(res, await this.exports.apkg(user.id, query.scope ?? 'all', locale));
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "My deck (or the cards I missed) as CSV with Anki's import headers (HTML fields, tags and guid columns)" })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  async csv(
    @CurrentUser() user: AuthUser,
    @Query() query: DeckExportQueryDto,
    @RequestedContentLocale() locale: ContentLocale,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(res, await this.exports.csv(user.id, query.scope ?? 'all', locale));
  }
}
