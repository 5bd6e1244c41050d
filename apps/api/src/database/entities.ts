import { SessionEntity } from '../modules/accounts/session.entity';
import { UserEntity } from '../modules/accounts/user.entity';
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
];
