import { isFailure, Setting } from './settings';

export interface ConfigProblem {
  readonly setting: string;
  readonly value: string | undefined;
  readonly expected: string;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      'invalid configuration:\n' +
        problems
          .map(
            (p) =>
              `  ${p.setting}=${p.value === undefined ? '(unset)' : JSON.stringify(p.value)}: expected ${p.expected}`,
          )
          .join('\n'),
    );
  }
}

type Values<S extends Record<string, Setting<unknown>>> = { [K in keyof S]: unknown };

/**
 * Reads every setting of `settings` from `env`, collecting all problems before failing so that a person
 * fixes them in one go. Throws ConfigError naming each bad setting and what it expects.
 */
export function loadConfig<S extends Record<string, Setting<unknown>>, C = Values<S>>(
  settings: S,
  env: NodeJS.ProcessEnv,
): C {
  const problems: ConfigProblem[] = [];
  const config: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings)) {
    const given = env[setting.name];
    const raw = given !== undefined && given !== '' ? given : setting.fallback?.(env);
    if (raw === undefined) {
      if (!setting.optional)
        problems.push({ setting: setting.name, value: undefined, expected: 'a value (required)' });
      continue;
    }
    const parsed = setting.parse(raw);
    if (isFailure(parsed)) problems.push({ setting: setting.name, value: raw, expected: parsed.expected });
    else config[key] = parsed;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as C;
}
