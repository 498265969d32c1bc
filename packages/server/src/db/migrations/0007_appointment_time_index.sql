-- Busy times are read by start time (a btree range scan is far cheaper than the exclusion constraints'
-- GiST indexes for "what is booked between these two times"). A visit lasts at most 8 hours, so
-- every appointment overlapping [a, b) starts in [a - 8 hours, b).
ALTER TABLE appointments ADD CONSTRAINT appointments_at_most_8_hours CHECK (ends_at <= starts_at + interval '8 hours');
CREATE INDEX appointments_room_time_idx ON appointments (room_id, starts_at) WHERE room_id IS NOT NULL;
