import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const EXPORT_SCOPES = ['all', 'missed'] as const;

export class DeckExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_SCOPES, description: 'all: every card in my deck (default); missed: cards I forgot at least once or last rated Again' })
  @IsOptional()
  @IsIn(EXPORT_SCOPES as unknown as string[], { message: `scope must be one of: ${EXPORT_SCOPES.join(', ')}` })
  scope?: (typeof EXPORT_SCOPES)[number];
}
