import { Injectable } from '@nestjs/common';

/**
 * The server's time for drills, injectable so e2e tests can live through a simulated month; every
 * scheduling decision takes `now` from here.
 */
@Injectable()
export class DrillsClock {
  now(): Date {
    return new Date();
  }
}
