/** Sound cues via Web Audio: a short rising chime for success, a low double tone for a refusal, a scanner's beep for a camera read. */
import type { Cue } from '../session/session-types';

interface Note {
  hz: number;
  at: number;
  seconds: number;
}

const CUES: Record<Cue, { wave: OscillatorType; notes: Note[] }> = {
  success: { wave: 'sine', notes: [{ hz: 880, at: 0, seconds: 0.12 }, { hz: 1175, at: 0.1, seconds: 0.2 }] },
  refusal: { wave: 'triangle', notes: [{ hz: 196, at: 0, seconds: 0.16 }, { hz: 196, at: 0.24, seconds: 0.16 }] },
  read: { wave: 'square', notes: [{ hz: 1568, at: 0, seconds: 0.07 }] },
};

export function createCuePlayer(): (cue: Cue) => void {
  let audio: AudioContext | null = null;
  return (cue) => {
    if (typeof AudioContext === 'undefined') return;
    audio ??= new AudioContext();
    // Browsers start audio suspended until a user gesture; every cue follows a touch or a scan.
    void audio.resume();
    const { wave, notes } = CUES[cue];
    for (const note of notes) {
      const start = audio.currentTime + note.at;
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = wave;
      oscillator.frequency.value = note.hz;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + note.seconds);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + note.seconds + 0.02);
    }
  };
}
