import { Injectable } from '@nestjs/common';

/** The server's time, injectable so specs can move it; every timing rule takes `now` from here. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
