import type { LoggerService } from '@nestjs/common';
import { currentCorrelationId } from './request-context';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
export type LogLevel = keyof typeof LEVELS;

/** Structured JSON logs, one object per line, with the request's correlation id when there is one. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly level: LogLevel = 'info',
    private readonly write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  ) {}

  log(message: unknown, ...rest: unknown[]) {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }

  /** Structured event with extra fields. */
  event(level: Exclude<LogLevel, 'silent'>, msg: string, fields: Record<string, unknown>) {
    if (LEVELS[level] < LEVELS[this.level]) return;
    this.write(JSON.stringify({ time: new Date().toISOString(), level, service: this.service, msg, correlationId: currentCorrelationId(), ...fields }));
  }

  private emit(level: Exclude<LogLevel, 'silent'>, message: unknown, rest: unknown[]) {
    if (LEVELS[level] < LEVELS[this.level]) return;
    // Nest passes the context name as the last string argument, and an error stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    const msg = message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    this.event(level, msg, { context, stack: stack ?? (message instanceof Error ? message.stack : undefined) });
  }
}
