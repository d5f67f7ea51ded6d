// A consumer outside Seams, in Node.js with KafkaJS: reads OrderPlaced events as docs/api/asyncapi.yaml
// describes them (channel orders.OrderPlaced.v1). EventsOverKafkaTests runs it against a real broker.
//   cd docs/api && npm ci && KAFKA_BOOTSTRAP=127.0.0.1:9092 node consumers/order-placed.mjs
// It prints one JSON line per order; MAX_MESSAGES=n stops it after n.
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'order-placed-example',
  brokers: (process.env.KAFKA_BOOTSTRAP ?? 'kafka:9092').split(','),
  logLevel: logLevel.ERROR,
});
const consumer = kafka.consumer({ groupId: process.env.GROUP_ID ?? 'order-placed-example' });
const seen = new Set(); // delivery is at least once: a record may come twice
let left = Number(process.env.MAX_MESSAGES ?? Infinity);
let done;
const finished = new Promise((resolve) => { done = resolve; });

await consumer.connect();
await consumer.subscribe({ topic: 'orders.OrderPlaced.v1', fromBeginning: true });
await consumer.run({
  eachMessage: async ({ message }) => {
    const text = message.value.toString('utf8');
    const orderId = message.key.toString('utf8'); // the key: the order id
    if (seen.has(orderId + text)) return;
    seen.add(orderId + text);
    const event = JSON.parse(text); // the payload schema of message OrderPlaced
    console.log(JSON.stringify({
      orderId,
      customerId: event.customerId,
      units: event.lines.reduce((sum, line) => sum + line.quantity, 0),
      total: `${event.total.amount} ${event.total.currency}`,
      placedAt: new Date(event.occurredAt).toISOString(),
      traceparent: message.headers.traceparent?.toString('utf8'), // W3C trace context: contract
    }));
    if (--left <= 0) done();
  },
});
await finished;
await consumer.disconnect();
