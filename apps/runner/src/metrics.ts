import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60, 120, 300];

/** The runner's Prometheus metrics, served on their own small port. */
export class RunnerMetrics {
  readonly registry = new Registry();
  readonly wait = new Histogram({ name: 'goprep_judge_job_wait_seconds', help: 'Queue wait from submission to a runner taking the job, by verdict', labelNames: ['verdict'], buckets: SECONDS, registers: [this.registry] });
  readonly run = new Histogram({ name: 'goprep_judge_job_run_seconds', help: 'Judging time of a job in the sandbox, by verdict', labelNames: ['verdict'], buckets: SECONDS, registers: [this.registry] });
  readonly kills = new Counter({ name: 'goprep_judge_sandbox_kills_total', help: 'Sandboxes killed for exceeding a limit, by limit', labelNames: ['limit'], registers: [this.registry] });
  readonly released = new Counter({ name: 'goprep_judge_released_workers_total', help: 'Queue locks of dead runners released for a retry', registers: [this.registry] });
  private server: Server | undefined;

  constructor(queueDepth: () => Promise<number>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'goprep_runner_' });
    new Gauge({
      name: 'goprep_judge_queue_depth',
      help: 'Judge jobs waiting for a runner (the whole queue, shared by every runner)',
      registers: [this.registry],
      async collect() {
        this.set(await queueDepth());
      },
    });
  }

  listen(port: number): Promise<number> {
    const server = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.registry
        .metrics()
        .then((body) => res.writeHead(200, { 'Content-Type': this.registry.contentType }).end(body))
        .catch(() => res.writeHead(500).end());
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
