import { Injectable } from '@nestjs/common';
import type { AppConfig } from './env';

/** Read-only access to the validated configuration. */
@Injectable()
export class AppConfigService {
  constructor(private readonly config: AppConfig) {}

  get<K extends keyof AppConfig>(key: K): AppConfig[K] {
    return this.config[key];
  }
}
