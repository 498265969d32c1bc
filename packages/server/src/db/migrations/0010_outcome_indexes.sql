-- Outcome reports read who attended each class of a therapy in a period: with the patient in the index
-- and only attended places in it, that is an index-only scan instead of one heap visit per place
-- (measured on 100,000 patients and 440,000 attendances: the acupuncture and chronic low back pain
-- report went from about 125 ms to 55 ms; bench/results/outcomes.md).
CREATE INDEX attendances_attended_idx ON attendances (appointment_id, patient_id) WHERE status = 'attended';
