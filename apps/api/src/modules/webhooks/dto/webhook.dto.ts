import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDisplayText } from '../../../common/http/display-text';

/** What an organization can subscribe to. `room.scored` is emitted once live rooms are scored. */
export const WEBHOOK_EVENT_TYPES = ['invite.created', 'attempt.submitted', 'attempt.graded', 'set.published', 'room.scored'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** The type of the "send test event" delivery (not subscribable). */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class WebhookEndpointInputDto {
  @ApiProperty({ example: 'https://ats.example.com/hooks/goprep', maxLength: 2048, description: 'http(s) URL of a public address (private targets need WEBHOOK_ALLOW_PRIVATE_TARGETS)' })
  @Transform(trim)
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiPropertyOptional({ example: 'ATS sync', maxLength: 200, default: '' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  @IsDisplayText()
  description?: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `each event must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events!: WebhookEventType[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookEndpointDto {
  @ApiProperty() id!: string;
  @ApiProperty() url!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events!: WebhookEventType[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class WebhookSecretDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Signing secret: `whsec_` + base64 of the key bytes' })
  secret!: string;
}

export class WebhookEndpointCreatedDto extends WebhookEndpointDto {
  @ApiProperty({ description: 'Signing secret (also readable later by the organization’s managers)' }) secret!: string;
}

export class WebhookDeliveriesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class WebhookDeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The `webhook-id` header: the same on every retry and redelivery', example: 'msg_5b0f3c0e6a9b4c7e8d2f1a3b4c5d6e7f' }) messageId!: string;
  @ApiProperty({ example: 'attempt.submitted' }) eventType!: string;
  @ApiProperty({ description: 'The exact JSON body that is signed and sent' }) payload!: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'] }) status!: 'pending' | 'succeeded' | 'failed';
  @ApiProperty({ description: 'Attempts so far, redeliveries included' }) attempts!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status of the last answer' }) responseStatus!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'First KB of the last answer' }) responseBody!: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMs!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt got no usable answer' }) error!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When the next retry is due (pending deliveries)' }) nextAttemptAt!: string | null;
}
