import { Controller, Get, Module, Post, Put } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { controllerRoutes } from './controller-routes';

// The whole API against its published document: tests/api-e2e/src/platform.e2e-spec.ts.

describe('controllerRoutes', () => {
  it('should join prefix, controller and handler paths as Nest does, leave excluded paths unprefixed and skip non-routes', async () => {
    @Controller('/things/')
    class ThingsController {
      @Get()
      list(): string[] {
        return [];
      }
      @Post(':id/archive')
      archive(): string {
        return 'archive';
      }
      @Put('/:id')
      replace(): string {
        return 'replace';
      }
      @Get(':id')
      one(): string {
        return 'one';
      }
      helper(): string {
        return 'helper';
      }
    }
    @Controller()
    class RootController {
      @Get('metrics')
      metrics(): string {
        return 'metrics';
      }
      @Get('health/')
      health(): string {
        return 'health';
      }
    }
    @Module({ controllers: [RootController, ThingsController] })
    class TestModule {}
    const app = await NestFactory.create<NestExpressApplication>(TestModule, { logger: false });
    try {
      expect(controllerRoutes(app, { prefix: 'v2', exclude: ['metrics'] })).toEqual({
        '/metrics': { get: {} },
        '/v2/health': { get: {} },
        '/v2/things': { get: {} },
        '/v2/things/{id}/archive': { post: {} },
        '/v2/things/{id}': { put: {}, get: {} },
      });
      expect(Object.keys(controllerRoutes(app, { prefix: 'v2', exclude: ['metrics'] }))[0]).toBe('/metrics');
    } finally {
      await app.close();
    }
  });
});
