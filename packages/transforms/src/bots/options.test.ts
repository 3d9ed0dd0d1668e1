import { describe, expect, it } from 'vitest';
import { BotDetector } from './bot-detector.js';
import { BotDetectorOptionsError } from './errors.js';
import { botEvent as event } from './fixtures/bot-event.js';
import { type BotDetectorOptions, windowSettings } from './options.js';

describe('windowSettings', () => {
  it.each<[BotDetectorOptions, string]>([
    [{ windowMs: 0 }, 'windowMs must be an integer in [1, 86400000], got 0'],
    [{ windowMs: 86_400_001 }, 'windowMs must be an integer in [1, 86400000], got 86400001'],
    [
      { windowMs: 10_000, slideMs: 20_000 },
      'slideMs must be an integer in [10, 10000] (windowMs / slideMs <= 1000), got 20000',
    ],
    [
      { windowMs: 60_000, slideMs: 1 },
      'slideMs must be an integer in [60, 60000] (windowMs / slideMs <= 1000), got 1',
    ],
    [
      { windowMs: 600_000, slideMs: 1.5 },
      'slideMs must be an integer in [600, 600000] (windowMs / slideMs <= 1000), got 1.5',
    ],
    [
      { allowedLatenessMs: -1 },
      'allowedLatenessMs must be an integer in [0, 86400000] ((windowMs + allowedLatenessMs) / slideMs <= 100000), got -1',
    ],
    [
      { windowMs: 100, allowedLatenessMs: 86_400_000 },
      'allowedLatenessMs must be an integer in [0, 9999900] ((windowMs + allowedLatenessMs) / slideMs <= 100000), got 86400000',
    ],
    [{ flagThreshold: 1.5 }, 'flagThreshold must be an integer in [0, 1000000000], got 1.5'],
    [
      { flagThreshold: 10, alertThreshold: 5 },
      'alertThreshold must be an integer in [10, 1000000000] (at least flagThreshold), got 5',
    ],
    [{ maxFutureMs: 0 }, 'maxFutureMs must be an integer in [1000, 31536000000], got 0'],
    [{ jumpConfirmations: 0 }, 'jumpConfirmations must be an integer in [1, 1000], got 0'],
    [{ windowMs: Number.NaN }, 'windowMs must be an integer in [1, 86400000], got NaN'],
  ])('refuses %j, naming the option and its range', (options, message) => {
    const refused = (() => {
      try {
        windowSettings(options);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(BotDetectorOptionsError);
    expect((refused as Error).message).toBe(message);
  });

  it('fills in the defaults', () => {
    expect(windowSettings()).toMatchObject({
      windowMs: 10_000,
      slideMs: 10_000,
      allowedLatenessMs: 10_000,
      flagThreshold: 5,
      alertThreshold: 10,
      maxFutureMs: 3_600_000,
      jumpConfirmations: 3,
    });
  });

  it('keeps the most sliding windows allowed fast and bounded: 1 000 per event, one walk', () => {
    const detector = new BotDetector({ windowMs: 60_000, slideMs: 60, flagThreshold: 0 });
    const started = performance.now();
    const events = Array.from({ length: 10 }, (_, i) => event(`u${i % 3}`, 1_572_566_400_000 + i * 1_000));
    detector.push(events);
    expect(detector.stateSize.windows).toBeLessThanOrEqual(1_000 + 10_000 / 60 + 10_000 / 60);
    const detections = detector.flush();
    expect(performance.now() - started).toBeLessThan(2_000);
    // Every window holding an event reports it: the windows of event i are those starting in (t - 60 s, t].
    expect(detections.filter((d) => d.key === 'u0').length).toBeGreaterThanOrEqual(1_000);
  });
});
