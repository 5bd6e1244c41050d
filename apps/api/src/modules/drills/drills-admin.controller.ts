import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { DrillStatsService } from './drill-stats.service';
import { LapseHeavyListDto, LapseHeavyQueryDto } from './dto/drills.dto';

@ApiTags('drills')
@Controller('admin/drills')
export class DrillsAdminController {
  constructor(private readonly stats: DrillStatsService) {}

  @Get('lapse-heavy')
  @Roles('admin')
  @ApiOperation({ summary: 'Questions learners keep forgetting (lapses per review across learners): possible bad items (admins)' })
  @ApiOkResponse({ type: LapseHeavyListDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for learners and managers' })
  lapseHeavy(@Query() query: LapseHeavyQueryDto): Promise<LapseHeavyListDto> {
    return this.stats.lapseHeavy(query);
  }
}
