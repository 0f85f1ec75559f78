// autocannon ships no types; the benchmarks use only its documented options and result fields.
declare module 'autocannon';
