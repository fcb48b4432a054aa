// The vocabularies' labels live beside the enums, so the tab and the bot say the same thing.
export * from '../../src/domain/labels';
