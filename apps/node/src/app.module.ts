import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@xb/config';
import { HealthController } from './health/health.controller';
import { KafkaHealth } from './health/kafka-health';

@Module({})
export class AppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(env)],
      controllers: [HealthController],
      providers: [KafkaHealth],
    };
  }
}
