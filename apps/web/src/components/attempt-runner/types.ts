import type { Schemas } from '@/lib/api-client';

export type AttemptDelivery = Schemas['AttemptDeliveryDto'];
export type DeliveryItem = Schemas['DeliveryItemDto'];
export type SaveAnswerInput = Schemas['SaveAnswerDto'];
export type AnswerSaved = Schemas['AnswerSavedDto'];
