import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { JudgeEventsService } from './judge-events.service';
import type { JudgeRunDto } from './dto/judge.dto';

/** A stream closes after this long even without a verdict; EventSource reconnects by itself. */
const STREAM_MAX_MS = 5 * 60_000;
/** A comment line keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;

/**
 * Server-sent events for one run: the current state at once, then one event per notification
 * from the runner (no polling), until the verdict.
 */
@Injectable()
export class JudgeStreamService {
  private readonly logger = new Logger('JudgeStream');

  constructor(private readonly events: JudgeEventsService) {}

  /** `read` returns the run as this viewer may see it (the caller checked that it may). */
  async follow(runId: string, read: () => Promise<JudgeRunDto>, req: Request, res: Response): Promise<void> {
    let done = false;
    let sending = false;
    let again = false;
    const timers: NodeJS.Timeout[] = [];
    let unsubscribe = () => undefined as void;
    const finish = () => {
      if (done) return;
      done = true;
      timers.forEach(clearTimeout);
      timers.forEach(clearInterval);
      unsubscribe();
      if (!res.writableEnded) res.end();
    };
    // Notifications can arrive while a read is in flight; coalesce them into one more read.
    const send = async (): Promise<void> => {
      if (done) return;
      if (sending) {
        again = true;
        return;
      }
      sending = true;
      try {
        do {
          again = false;
          const run = await read();
          if (done) return;
          res.write(`event: run\ndata: ${JSON.stringify(run)}\n\n`);
          if (run.state === 'done') return finish();
        } while (again);
      } catch (err) {
        this.logger.warn({ err, runId }, 'judge event stream failed');
        finish();
      } finally {
        sending = false;
      }
    };

    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    req.on('close', finish);
    try {
      unsubscribe = await this.events.subscribe(runId, () => void send());
    } catch (err) {
      this.logger.warn({ err, runId }, 'cannot listen for judge events');
      return finish();
    }
    timers.push(setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS));
    timers.push(setTimeout(finish, STREAM_MAX_MS));
    // Subscribed first, read second: a change between the two is never missed.
    await send();
  }
}
