/** SIP2 (3M Standard Interchange Protocol 2.00): the codec the hub's sip2 adapter and the test simulator share. */
export * from './checksum';
export * from './codec';
export * from './dates';
export * from './encoding';
export * from './framing';
export * from './messages';
export * from './replies';
export * from './requests';
