import { SessionEntity } from '../modules/accounts/session.entity';
import { UserEntity } from '../modules/accounts/user.entity';
import { AnswerEntity, AttemptEntity, AttemptItemEntity } from '../modules/attempts/attempt.entities';
import { SrsCardEntity, SrsReviewEntity, SrsSettingsEntity } from '../modules/drills/drill.entities';
import { MembershipEntity, OrganizationEntity, OrgInviteEntity } from '../modules/organizations/organization.entities';
import { QuestionEntity, QuestionVersionEntity, TopicEntity } from '../modules/questions/question.entities';

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  OrganizationEntity,
  MembershipEntity,
  OrgInviteEntity,
  TopicEntity,
  QuestionEntity,
  QuestionVersionEntity,
  AttemptEntity,
  AttemptItemEntity,
  AnswerEntity,
  SrsSettingsEntity,
  SrsCardEntity,
  SrsReviewEntity,
];
