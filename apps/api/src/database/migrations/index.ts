import { Initial1763701200000 } from './1763701200000-Initial';
import { QuestionVerification1763800000000 } from './1763800000000-QuestionVerification';
import { Attempts1763900000000 } from './1763900000000-Attempts';
import { Drills1764000000000 } from './1764000000000-Drills';
import { QuestionSets1764100000000 } from './1764100000000-QuestionSets';
import { Invites1764100500000 } from './1764100500000-Invites';
import { SrsOptimization1764200000000 } from './1764200000000-SrsOptimization';
import { PerformanceIndexes1764300000000 } from './1764300000000-PerformanceIndexes';
import { SetVersionStatistics1764400000000 } from './1764400000000-SetVersionStatistics';
import { InviteAttemptGuard1764500000000 } from './1764500000000-InviteAttemptGuard';
import { ContentLanguage1764515000000 } from './1764515000000-ContentLanguage';
import { TranslationSearch1764515100000 } from './1764515100000-TranslationSearch';
import { Judge1764520000000 } from './1764520000000-Judge';
import { JudgePlayground1764603000000 } from './1764603000000-JudgePlayground';
import { PasswordResets1764607000000 } from './1764607000000-PasswordResets';
import { ApiTokens1764701000000 } from './1764701000000-ApiTokens';
import { Webhooks1764702000000 } from './1764702000000-Webhooks';
import { OrgSso1764703000000 } from './1764703000000-OrgSso';
import { Rooms1764705000000 } from './1764705000000-Rooms';
import { SessionChangeNotify1764708000000 } from './1764708000000-SessionChangeNotify';
import { RoomStruggled1764802000000 } from './1764802000000-RoomStruggled';
import { IncrementalItemStatistics1764803000000 } from './1764803000000-IncrementalItemStatistics';
import { SsoDomainProof1764808000000 } from './1764808000000-SsoDomainProof';
import { FollowUps1764809000000 } from './1764809000000-FollowUps';
import { AttemptResultColumns1764810000000 } from './1764810000000-AttemptResultColumns';
import { SignalEventIds1764811000000 } from './1764811000000-SignalEventIds';

/** Every migration, oldest first. A schema change adds a file here; none is ever edited. */
export const MIGRATIONS = [Initial1763701200000, QuestionVerification1763800000000, Attempts1763900000000, Drills1764000000000, QuestionSets1764100000000, Invites1764100500000, SrsOptimization1764200000000, PerformanceIndexes1764300000000, SetVersionStatistics1764400000000, InviteAttemptGuard1764500000000, ContentLanguage1764515000000, TranslationSearch1764515100000, Judge1764520000000, JudgePlayground1764603000000, PasswordResets1764607000000, ApiTokens1764701000000, Webhooks1764702000000, OrgSso1764703000000, Rooms1764705000000, SessionChangeNotify1764708000000, RoomStruggled1764802000000, IncrementalItemStatistics1764803000000, SsoDomainProof1764808000000, FollowUps1764809000000, AttemptResultColumns1764810000000, SignalEventIds1764811000000];
