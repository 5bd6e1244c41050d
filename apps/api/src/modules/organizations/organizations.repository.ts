import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { MembershipEntity, OrganizationEntity, OrgInviteEntity, type MembershipRole } from './organization.entities';

/** An organization seen by one of its members. */
export interface MemberOrganizationRow {
  id: string;
  name: string;
  role: Exclude<MembershipRole, 'member'>;
}

/** The SQL of organizations, memberships and member invites. */
@Injectable()
export class OrganizationsRepository {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectRepository(OrgInviteEntity) private readonly invites: Repository<OrgInviteEntity>,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  listForUser(userId: string): Promise<MemberOrganizationRow[]> {
    return this.db.query(
      `SELECT o.id, o.name, m.role FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = $1 AND m.role <> 'member' ORDER BY o.name, o.id`,
      [userId],
    );
  }

  /** The organization and its owner's membership, in the caller's transaction. */
  async createWithOwner(tx: EntityManager, userId: string, name: string): Promise<OrganizationEntity> {
    const created = await tx.save(tx.create(OrganizationEntity, { name, createdBy: userId }));
    await tx.insert(MembershipEntity, { organizationId: created.id, userId, role: 'owner' });
    return created;
  }

  findMembership(organizationId: string, userId: string): Promise<MembershipEntity | null> {
    return this.memberships.findOneBy({ organizationId, userId });
  }

  async insertInvite(invite: { organizationId: string; email: string; tokenHash: Buffer; invitedBy: string; expiresAt: Date }): Promise<void> {
    await this.invites.insert(invite);
  }

  /**
   * Marks an open, unexpired invite as accepted in the statement that checks it and answers its
   * organization, or null. A CTE, because TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
   */
  async consumeInvite(tx: EntityManager, tokenHash: Buffer, userId: string): Promise<string | null> {
    const rows: Array<{ organization_id: string }> = await tx.query(
      `WITH consumed AS (
         UPDATE org_invites SET accepted_at = now(), accepted_by = $2
          WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > now()
          RETURNING organization_id)
       SELECT organization_id FROM consumed`,
      [tokenHash, userId],
    );
    return rows[0]?.organization_id ?? null;
  }

  /**
   * Adds the user as a manager (a plain SSO member is raised); false when already a manager or owner. The primary key decides, not a read
   * before the insert: two invites to one organization accepted at once by the same user would
   * both pass a read and one insert would then fail.
   */
  async insertManagerMembership(tx: EntityManager, organizationId: string, userId: string): Promise<boolean> {
    const joined = (await tx.query(
      `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'manager')
        ON CONFLICT (organization_id, user_id) DO UPDATE SET role = 'manager' WHERE memberships.role = 'member'
        RETURNING user_id`,
      [organizationId, userId],
    )) as unknown[];
    return joined.length > 0;
  }

  /** Adds the user as a plain member (single sign-on); an existing membership of any role is kept. */
  async insertMemberMembership(organizationId: string, userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'member') ON CONFLICT DO NOTHING`,
      [organizationId, userId],
    );
  }

  /** A learner who joins an organization becomes a manager (in the joining transaction). */
  async promoteLearnerToManager(tx: EntityManager, userId: string): Promise<void> {
    await tx.query(`UPDATE users SET role = 'manager' WHERE id = $1 AND role = 'learner'`, [userId]);
  }

  findOrganizationOrFail(tx: EntityManager, id: string): Promise<OrganizationEntity> {
    return tx.findOneByOrFail(OrganizationEntity, { id });
  }
}
