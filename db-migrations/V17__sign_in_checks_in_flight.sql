-- Password checks in flight, per account and per address. An attempt is counted as a failure before its password
-- is checked; once the count reaches the threshold, further attempts are refused while any counted check is still
-- running, and the lock starts when the last of them has failed. So however many guesses arrive at once, no more
-- than the threshold of passwords is ever checked before a lock. checking_until lets a count left behind by a
-- process that died mid-check expire.
ALTER TABLE sign_in_failure
    ADD COLUMN checking       integer     NOT NULL DEFAULT 0,
    ADD COLUMN checking_until timestamptz;
