-- terms_data: the dictionaries shipped with foistats (rows with shipped = true;
-- pg_dump leaves them out and CREATE EXTENSION re-creates them).  Add your own
-- rows (shipped = false, the default) for new spellings or dictionaries.
--
-- 'platforms': social media and messaging platforms.  Each term matches its own
-- name; the rows below add the spellings people write.  Deliberate choices:
--   * X (Twitter): the letter X alone never matches (MO text uses X for
--     redactions, dates and names: "PERSON X", "on X/12/2014"); X counts only
--     where it is tied to Twitter: 'X (Twitter)', 'X/Twitter', 'X (formerly
--     Twitter)', 'x.com' ... and 'tweet(s/ed/ing)', 'retweet'.
--   * FB and insta are whole words: not in 'FBI', 'instance', 'instant'.
--   * 'Facebook Messenger' is two mentions, Facebook and Messenger (the crime
--     relates to both); 'Kik Messenger' is the Kik app, so it is Kik only.
--   * 'Discord', 'Telegram' and 'Messenger' are also ordinary English words;
--     reviewers see every hit with foistats.explain_mentions.
-- 'grooming': the word family groom / grooms / groomed / grooming / groomer(s),
--   whole words only (not 'bridegroom', 'groomsman'), with exclusion phrases
--   for the everyday senses (pets, weddings, personal appearance).

INSERT INTO @extschema@.term (dictionary, term, alias, exclude, shipped, note) VALUES
  ('platforms', 'Facebook',  NULL,            false, true, NULL),
  ('platforms', 'Facebook',  'face book',     false, true, 'spelling'),
  ('platforms', 'Facebook',  'face-book',     false, true, 'spelling'),
  ('platforms', 'Facebook',  'fb',            false, true, 'abbreviation; a whole word, so not FBI'),
  ('platforms', 'Facebook',  'fbook',         false, true, 'abbreviation'),
  ('platforms', 'Facebook',  'f/book',        false, true, 'police shorthand'),
  ('platforms', 'Facebook',  'facebooked',    false, true, 'verb'),
  ('platforms', 'Messenger', NULL,            false, true, 'Facebook Messenger counts as Facebook and Messenger'),
  ('platforms', 'Twitter',   NULL,            false, true, NULL),
  ('platforms', 'Twitter',   'x (twitter)',   false, true, 'X only where tied to Twitter'),
  ('platforms', 'Twitter',   'x (formerly twitter)', false, true, 'X only where tied to Twitter'),
  ('platforms', 'Twitter',   'x (formerly known as twitter)', false, true, 'X only where tied to Twitter'),
  ('platforms', 'Twitter',   'x, formerly twitter', false, true, 'X only where tied to Twitter'),
  ('platforms', 'Twitter',   'x formerly twitter', false, true, 'X only where tied to Twitter'),
  ('platforms', 'Twitter',   'x/twitter',     false, true, 'X only where tied to Twitter'),
  ('platforms', 'Twitter',   'twitter/x',     false, true, 'X only where tied to Twitter'),
  ('platforms', 'Twitter',   'twitter (x)',   false, true, 'X only where tied to Twitter'),
  ('platforms', 'Twitter',   'x.com',         false, true, 'Twitter''s domain since 2024'),
  ('platforms', 'Twitter',   'tweet',         false, true, 'a post on Twitter (tweets by the plural rule)'),
  ('platforms', 'Twitter',   'tweeted',       false, true, 'verb'),
  ('platforms', 'Twitter',   'tweeting',      false, true, 'verb'),
  ('platforms', 'Twitter',   'retweet',       false, true, 'a repost on Twitter'),
  ('platforms', 'Twitter',   'retweeted',     false, true, 'verb'),
  ('platforms', 'WhatsApp',  NULL,            false, true, NULL),
  ('platforms', 'WhatsApp',  'whats app',     false, true, 'spelling'),
  ('platforms', 'WhatsApp',  'what''s app',   false, true, 'spelling (also with a typographic apostrophe)'),
  ('platforms', 'WhatsApp',  'whats-app',     false, true, 'spelling'),
  ('platforms', 'WhatsApp',  'whatsap',       false, true, 'misspelling'),
  ('platforms', 'Snapchat',  NULL,            false, true, NULL),
  ('platforms', 'Snapchat',  'snap chat',     false, true, 'spelling'),
  ('platforms', 'Snapchat',  'snap-chat',     false, true, 'spelling'),
  ('platforms', 'Snapchat',  'snapchatted',   false, true, 'verb'),
  ('platforms', 'Snapchat',  'snapchatting',  false, true, 'verb'),
  ('platforms', 'Instagram', NULL,            false, true, NULL),
  ('platforms', 'Instagram', 'insta',         false, true, 'short form; a whole word, so not instance or instant'),
  ('platforms', 'Instagram', 'insta gram',    false, true, 'spelling'),
  ('platforms', 'Tumblr',    NULL,            false, true, 'not tumbler (a glass)'),
  ('platforms', 'Kik',       NULL,            false, true, NULL),
  ('platforms', 'Kik',       'kik messenger', false, true, 'the Kik app, not Facebook Messenger'),
  ('platforms', 'TikTok',    NULL,            false, true, NULL),
  ('platforms', 'TikTok',    'tik tok',       false, true, 'spelling'),
  ('platforms', 'TikTok',    'tik-tok',       false, true, 'spelling'),
  ('platforms', 'TikTok',    'musical.ly',    false, true, 'TikTok''s predecessor, merged in 2018'),
  ('platforms', 'Telegram',  NULL,            false, true, 'also an ordinary word: review hits'),
  ('platforms', 'Discord',   NULL,            false, true, 'also an ordinary word: review hits'),
  ('platforms', 'Skype',     NULL,            false, true, NULL),
  ('platforms', 'Skype',     'skyped',        false, true, 'verb'),
  ('platforms', 'Skype',     'skyping',       false, true, 'verb'),
  ('platforms', 'Omegle',    NULL,            false, true, NULL),
  ('platforms', 'Bebo',      NULL,            false, true, NULL),
  ('platforms', 'YouTube',   NULL,            false, true, NULL),
  ('platforms', 'YouTube',   'you tube',      false, true, 'spelling'),
  ('platforms', 'YouTube',   'you-tube',      false, true, 'spelling'),
  ('platforms', 'YouTube',   'youtuber',      false, true, 'a YouTube channel owner');

INSERT INTO @extschema@.term (dictionary, term, alias, exclude, shipped, note) VALUES
  ('grooming', 'grooming', NULL,               false, true, 'the canonical term matches itself'),
  ('grooming', 'grooming', 'groom',            false, true, 'verb (grooms, groom''s by the plural rule)'),
  ('grooming', 'grooming', 'groomed',          false, true, 'verb'),
  ('grooming', 'grooming', 'groomer',          false, true, 'noun (groomers by the plural rule)'),
  ('grooming', 'grooming', 'dog grooming',     true,  true, 'pet care, not child grooming'),
  ('grooming', 'grooming', 'dog groomer',      true,  true, 'pet care'),
  ('grooming', 'grooming', 'dog groomed',      true,  true, 'pet care'),
  ('grooming', 'grooming', 'pet grooming',     true,  true, 'pet care'),
  ('grooming', 'grooming', 'pet groomer',      true,  true, 'pet care'),
  ('grooming', 'grooming', 'grooming parlour', true,  true, 'pet or beauty business'),
  ('grooming', 'grooming', 'grooming salon',   true,  true, 'pet or beauty business'),
  ('grooming', 'grooming', 'grooming products', true, true, 'personal care'),
  ('grooming', 'grooming', 'grooming kit',     true,  true, 'personal care'),
  ('grooming', 'grooming', 'bride and groom',  true,  true, 'wedding'),
  ('grooming', 'grooming', 'bride & groom',    true,  true, 'wedding'),
  ('grooming', 'grooming', 'groom and bride',  true,  true, 'wedding'),
  ('grooming', 'grooming', 'well groomed',     true,  true, 'appearance in a description'),
  ('grooming', 'grooming', 'well-groomed',     true,  true, 'appearance in a description'),
  ('grooming', 'grooming', 'smartly groomed',  true,  true, 'appearance in a description'),
  ('grooming', 'grooming', 'neatly groomed',   true,  true, 'appearance in a description'),
  ('grooming', 'grooming', 'poorly groomed',   true,  true, 'appearance in a description');
