// Where an autoscaled group's server is in its life; a fixed group's servers are always UP.
export const UP = 0; // in the group's `servers`: takes messages
export const STARTING = 1; // asked for, counts (and costs), takes nothing until its start-up delay ends
export const RETIRING = 2; // asked to leave while holding messages: finishes them, takes no more
export const OFF = 3; // not provisioned (kept for reuse)
