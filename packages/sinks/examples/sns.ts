// README "SNS and the Notifier port", at the client boundary (aws-sdk-client-mock).
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';

const sns = mockClient(SNSClient);
sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
const topicArn = 'arn:aws:sns:eu-west-1:123456789012:orders';
const tx = { transaction_id: 'T-7', quantity: 120 };

// #region readme
import type { Notifier } from '@sluice/sinks/notify';
import { SnsNotifier } from '@sluice/sinks/sns';

const notifier: Notifier = new SnsNotifier({ topicArn });
const delivery = await notifier.publish([
  { subject: 'Large order', message: JSON.stringify(tx), attributes: { status: 'pending', total: 120 } },
]); // { sent: 1, retried: 0, rejected: [], failed: [] }
// #endregion

const calls = sns.commandCalls(PublishCommand).map((call) => call.args[0].input);
sns.restore();
export const ran = { delivery, calls };
