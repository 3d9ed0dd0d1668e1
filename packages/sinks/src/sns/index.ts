export { SnsTopicMissingError } from './errors.js';
export { SNS_LIMITS, snsSubject } from './message.js';
export { SnsNotifier, type SnsNotifierOptions } from './sns-notifier.js';
