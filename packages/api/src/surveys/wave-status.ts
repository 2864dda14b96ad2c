import { SurveyWaveStatus } from './survey.enums';
import type { SurveyWave } from './survey.entity';

/** Today as YYYY-MM-DD in UTC: waves open and close on whole days. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** Open from its opening date through its closing date, unless a moderator closed it first. */
export function waveStatus(wave: Pick<SurveyWave, 'opensOn' | 'closesOn' | 'closedAt'>, now = new Date()): SurveyWaveStatus {
  const day = today(now);
  if (wave.closedAt || day > wave.closesOn) return SurveyWaveStatus.CLOSED;
  return day < wave.opensOn ? SurveyWaveStatus.SCHEDULED : SurveyWaveStatus.OPEN;
}
