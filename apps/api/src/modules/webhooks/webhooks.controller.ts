import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { ApiNotFoundFor } from '../../common/http/api-not-found-for';
import { uuidPipe } from '../../common/http/uuid.pipe';
import {
  WebhookDeliveriesQueryDto,
  WebhookDeliveryDto,
  WebhookEndpointCreatedDto,
  WebhookEndpointDto,
  WebhookEndpointInputDto,
  WebhookSecretDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Roles('manager', 'admin')
@Controller('orgs/:orgId/webhooks')
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for learners' })
@ApiNotFoundFor({ orgId: 'ORGANIZATION_NOT_FOUND', id: 'WEBHOOK_NOT_FOUND' })
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'Webhook endpoints of an organization' })
  @ApiOkResponse({ type: [WebhookEndpointDto] })
  list(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string): Promise<WebhookEndpointDto[]> {
    return this.webhooks.list(user.id, orgId);
  }

  @Post()
  @ApiOperation({ summary: 'Register an endpoint (answers its signing secret)' })
  @ApiCreatedResponse({ type: WebhookEndpointCreatedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, WEBHOOK_URL_INVALID, WEBHOOK_TARGET_FORBIDDEN (loopback, private or internal address)' })
  create(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Body() body: WebhookEndpointInputDto): Promise<WebhookEndpointCreatedDto> {
    return this.webhooks.create(user.id, orgId, body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change an endpoint’s URL, description, events or enabled flag' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, WEBHOOK_URL_INVALID, WEBHOOK_TARGET_FORBIDDEN' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('id', uuidPipe) id: string,
    @Body() body: WebhookEndpointInputDto,
  ): Promise<WebhookEndpointDto> {
    return this.webhooks.update(user.id, orgId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint and its delivery log' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('id', uuidPipe) id: string): Promise<void> {
    return this.webhooks.remove(user.id, orgId, id);
  }

  @Get(':id/secret')
  @ApiOperation({ summary: 'Reveal an endpoint’s signing secret' })
  @ApiOkResponse({ type: WebhookSecretDto })
  secret(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('id', uuidPipe) id: string): Promise<WebhookSecretDto> {
    return this.webhooks.secret(user.id, orgId, id);
  }

  @Post(':id/secret/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the signing secret (the old one stops verifying at once)' })
  @ApiOkResponse({ type: WebhookSecretDto })
  rotate(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('id', uuidPipe) id: string): Promise<WebhookSecretDto> {
    return this.webhooks.rotateSecret(user.id, orgId, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery log of an endpoint, newest first' })
  @ApiOkResponse({ type: [WebhookDeliveryDto] })
  deliveries(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('id', uuidPipe) id: string,
    @Query() query: WebhookDeliveriesQueryDto,
  ): Promise<WebhookDeliveryDto[]> {
    return this.webhooks.deliveries(user.id, orgId, id, query.limit);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again (same webhook-id and body, a new round of retries)' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'WEBHOOK_DELIVERY_NOT_FOUND' })
  redeliver(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('id', uuidPipe) id: string,
    @Param('deliveryId', uuidPipe) deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.redeliver(user.id, orgId, id, deliveryId);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a webhook.test delivery to this endpoint' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  test(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('id', uuidPipe) id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.sendTest(user.id, orgId, id);
  }
}
