// The engine's event kinds, shared by the handlers in this folder. Equal-time events run in
// scheduling order (see EventCalendar); stale ones carry a serial number in `aux` and are ignored.
export const ARRIVAL = 0; // target: producer (open loop)
export const SEND = 1; // target: producer, payload: client (closed loop)
export const TRANSPORT_END = 2; // target: queue, payload: message
export const HANDLING_END = 3; // target: server, payload: delivery
export const SHARED_END = 4; // target: server (processor sharing: its next completion)
export const VISIBILITY = 5; // target: consumer group that delivered, payload: message, aux: delivery serial
export const EXPIRY = 6; // target: queue; its oldest message may have outlived the ttl
export const POLL = 7; // target: server
export const POLL_TIMEOUT = 8; // target: server, aux: poll serial
export const REPLY = 9; // payload: message
export const DOWN = 10; // target: consumer group (an outage window or a failure starts)
export const UP = 11; // target: consumer group (it ends)
export const FAIL = 12; // target: consumer group (failure process: up -> down)
export const REPAIR = 13; // target: consumer group (failure process: down -> up)
export const SCALE = 14; // target: autoscaled consumer group (evaluate its policy)
export const SERVER_UP = 15; // target: server (its start-up delay ends), aux: start serial
export const SLOW_START = 16; // target: consumer group, payload: slowdown window index
export const SLOW_END = 17; // target: consumer group
export const TIMEOUT = 18; // target: producer, payload: request, aux: attempt number
export const RETRY = 19; // target: producer, payload: request (its backoff ended)
