import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The one statement the health check sends. */
@Injectable()
export class HealthRepository {
  constructor(private readonly db: DataSource) {}

  get connected(): boolean {
    return this.db.isInitialized;
  }

  /** Resolves true when Postgres answers, false when it refuses. */
  ping(): Promise<boolean> {
    return this.db.query('SELECT 1').then(
      () => true,
      () => false,
    );
  }
}
