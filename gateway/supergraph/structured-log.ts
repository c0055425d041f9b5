// One JSON object per line, as log collectors read them: what happened (`msg`) and its facts.
export type LogLevel = 'info' | 'warn' | 'error';

export type StructuredLog = (level: LogLevel, msg: string, fields?: Readonly<Record<string, unknown>>) => void;

export const jsonLinesLog: StructuredLog = (level, msg, fields = {}) => {
  const line = `${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`;
  (level === 'info' ? process.stdout : process.stderr).write(line);
};
