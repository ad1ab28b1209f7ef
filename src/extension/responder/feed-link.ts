// The pure linking rules live in the core (the storage layer's incident summaries need them too).
export * from '../../core/feed-link';
