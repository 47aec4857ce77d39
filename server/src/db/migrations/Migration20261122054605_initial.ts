import { Migration } from "@mikro-orm/migrations";

export class Migration20261122054605_initial extends Migration {
	override name = "Migration20261122054605_initial";

	override up(): void | Promise<void> {
		this.addSql(
			`create table "body_region" ("code" varchar(40) not null, "name" varchar(120) not null, "lateral" boolean not null, primary key ("code"));`,
		);

		this.addSql(
			`create table "clinic" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "time_zone" varchar(64) not null default 'UTC', primary key ("id"));`,
		);

		this.addSql(
			`create table "client" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "date_of_birth" date not null, "sex" text not null, "email" varchar(254) null, "phone" varchar(40) null, primary key ("id"));`,
		);
		this.addSql(
			`create index "client_clinic_id_family_name_given_name_id_index" on "client" ("clinic_id", "family_name", "given_name", "id");`,
		);

		this.addSql(
			`create table "condition" ("code" varchar(40) not null, "name" varchar(120) not null, "icd10" varchar(10) not null, primary key ("code"));`,
		);

		this.addSql(
			`create table "instrument" ("code" varchar(40) not null, "name" varchar(120) not null, "scoring_version" varchar(60) not null, primary key ("code"));`,
		);

		this.addSql(
			`create table "measure" ("code" varchar(40) not null, "name" varchar(120) not null, "kind" varchar(20) not null, "loinc" varchar(12) null, "unit" varchar(20) not null, "min_value" double precision not null, "max_value" double precision not null, "direction" smallint not null, "mcid" double precision null, primary key ("code"));`,
		);

		this.addSql(
			`create table "therapist" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "registration_number" varchar(50) null, "email" varchar(254) null, primary key ("id"));`,
		);
		this.addSql(
			`create index "therapist_clinic_id_index" on "therapist" ("clinic_id");`,
		);

		this.addSql(
			`create table "intake" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "client_id" uuid not null, "recorded_by_id" uuid not null, "taken_at" timestamptz not null, "chief_complaints" text not null, "current_conditions" text null, "past_conditions" text null, "medications" text null, "contraindications" text[] not null default '{}', "red_flags" text[] not null default '{}', "goals" text null, "pressure_preference" text null, "pain_tolerance" text null, "consent_to_treatment" boolean not null, "consent_to_treatment_at" timestamptz null, "research_consent" boolean not null default false, "research_consent_at" timestamptz null, primary key ("id"));`,
		);
		this.addSql(
			`create index "intake_client_id_index" on "intake" ("client_id");`,
		);

		this.addSql(
			`create table "treatment_series" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "client_id" uuid not null, "therapist_id" uuid not null, "condition_code" varchar(40) not null, "goals" text null, "planned_sessions" smallint not null, "planned_sessions_per_week" double precision not null, "planned_minutes_per_session" smallint not null, "start_date" date not null, "status" text not null default 'ACTIVE', "end_date" date null, "discharge_note" text null, primary key ("id"));`,
		);
		this.addSql(
			`create index "treatment_series_client_id_index" on "treatment_series" ("client_id");`,
		);
		this.addSql(
			`create index "treatment_series_therapist_id_index" on "treatment_series" ("therapist_id");`,
		);

		this.addSql(
			`create table "treatment_session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "series_id" uuid not null, "therapist_id" uuid not null, "started_at" timestamptz not null, "duration_minutes" smallint not null, "attendance" text not null, "modalities" text[] not null default '{}', "pressure" smallint null, "subjective" text null, "objective" text null, "assessment" text null, "plan" text null, primary key ("id"));`,
		);
		this.addSql(
			`create index "treatment_session_series_id_started_at_index" on "treatment_session" ("series_id", "started_at");`,
		);

		this.addSql(
			`create table "treated_region" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "session_id" uuid not null, "region_code" varchar(40) not null, "side" text null, "minutes" smallint null, primary key ("id"));`,
		);
		this.addSql(
			`create index "treated_region_session_id_index" on "treated_region" ("session_id");`,
		);

		this.addSql(
			`create table "questionnaire_response" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "client_id" uuid not null, "series_id" uuid null, "session_id" uuid null, "instrument_code" varchar(40) not null, "answers" jsonb not null, "score" double precision not null, "subscores" jsonb not null, "answered_items" smallint not null, "missing_items" smallint not null, "scoring_version" varchar(60) not null, "completed_at" timestamptz not null, "recorded_by_role" text not null, "recorded_by_therapist_id" uuid null, primary key ("id"));`,
		);
		this.addSql(
			`create index "questionnaire_response_client_id_index" on "questionnaire_response" ("client_id");`,
		);
		this.addSql(
			`create index "questionnaire_response_session_id_index" on "questionnaire_response" ("session_id");`,
		);
		this.addSql(
			`create index "questionnaire_response_series_id_completed_at_index" on "questionnaire_response" ("series_id", "completed_at");`,
		);

		this.addSql(
			`create table "observation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "client_id" uuid not null, "series_id" uuid null, "session_id" uuid null, "measure_code" varchar(40) not null, "value" double precision not null, "region_code" varchar(40) null, "side" text null, "context" text not null, "taken_at" timestamptz not null, "recorded_by_role" text not null, "recorded_by_therapist_id" uuid null, "questionnaire_response_id" uuid null, primary key ("id"));`,
		);
		this.addSql(
			`create index "observation_session_id_index" on "observation" ("session_id");`,
		);
		this.addSql(
			`create index "observation_questionnaire_response_id_index" on "observation" ("questionnaire_response_id");`,
		);
		this.addSql(
			`create index "observation_client_id_measure_code_taken_at_index" on "observation" ("client_id", "measure_code", "taken_at");`,
		);
		this.addSql(
			`create index "observation_series_id_taken_at_index" on "observation" ("series_id", "taken_at");`,
		);

		this.addSql(
			`alter table "client" add constraint "client_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`,
		);
		this.addSql(
			`alter table "client" add constraint "client_sex_check" check ("sex" in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN'));`,
		);

		this.addSql(
			`alter table "therapist" add constraint "therapist_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`,
		);

		this.addSql(
			`alter table "intake" add constraint "intake_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`,
		);
		this.addSql(
			`alter table "intake" add constraint "intake_client_id_foreign" foreign key ("client_id") references "client" ("id");`,
		);
		this.addSql(
			`alter table "intake" add constraint "intake_recorded_by_id_foreign" foreign key ("recorded_by_id") references "therapist" ("id");`,
		);
		this.addSql(
			`alter table "intake" add constraint "intake_pressure_preference_check" check ("pressure_preference" in ('LIGHT', 'MODERATE', 'FIRM', 'DEEP'));`,
		);
		this.addSql(
			`alter table "intake" add constraint "intake_pain_tolerance_check" check ("pain_tolerance" in ('LOW', 'MODERATE', 'HIGH'));`,
		);

		this.addSql(
			`alter table "treatment_series" add constraint "treatment_series_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`,
		);
		this.addSql(
			`alter table "treatment_series" add constraint "treatment_series_client_id_foreign" foreign key ("client_id") references "client" ("id");`,
		);
		this.addSql(
			`alter table "treatment_series" add constraint "treatment_series_therapist_id_foreign" foreign key ("therapist_id") references "therapist" ("id");`,
		);
		this.addSql(
			`alter table "treatment_series" add constraint "treatment_series_condition_code_foreign" foreign key ("condition_code") references "condition" ("code");`,
		);
		this.addSql(
			`alter table "treatment_series" add constraint "treatment_series_status_check" check ("status" in ('ACTIVE', 'COMPLETED', 'DISCONTINUED'));`,
		);

		this.addSql(
			`alter table "treatment_session" add constraint "treatment_session_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`,
		);
		this.addSql(
			`alter table "treatment_session" add constraint "treatment_session_series_id_foreign" foreign key ("series_id") references "treatment_series" ("id");`,
		);
		this.addSql(
			`alter table "treatment_session" add constraint "treatment_session_therapist_id_foreign" foreign key ("therapist_id") references "therapist" ("id");`,
		);
		this.addSql(
			`alter table "treatment_session" add constraint "treatment_session_attendance_check" check ("attendance" in ('ATTENDED', 'CANCELLED', 'NO_SHOW'));`,
		);

		this.addSql(
			`alter table "treated_region" add constraint "treated_region_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`,
		);
		this.addSql(
			`alter table "treated_region" add constraint "treated_region_session_id_foreign" foreign key ("session_id") references "treatment_session" ("id");`,
		);
		this.addSql(
			`alter table "treated_region" add constraint "treated_region_region_code_foreign" foreign key ("region_code") references "body_region" ("code");`,
		);
		this.addSql(
			`alter table "treated_region" add constraint "treated_region_side_check" check ("side" in ('LEFT', 'RIGHT', 'BOTH'));`,
		);

		this.addSql(
			`alter table "questionnaire_response" add constraint "questionnaire_response_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`,
		);
		this.addSql(
			`alter table "questionnaire_response" add constraint "questionnaire_response_client_id_foreign" foreign key ("client_id") references "client" ("id");`,
		);
		this.addSql(
			`alter table "questionnaire_response" add constraint "questionnaire_response_series_id_foreign" foreign key ("series_id") references "treatment_series" ("id") on delete set null;`,
		);
		this.addSql(
			`alter table "questionnaire_response" add constraint "questionnaire_response_session_id_foreign" foreign key ("session_id") references "treatment_session" ("id") on delete set null;`,
		);
		this.addSql(
			`alter table "questionnaire_response" add constraint "questionnaire_response_instrument_code_foreign" foreign key ("instrument_code") references "instrument" ("code");`,
		);
		this.addSql(
			`alter table "questionnaire_response" add constraint "questionnaire_response_recorded_by_therapist_id_foreign" foreign key ("recorded_by_therapist_id") references "therapist" ("id") on delete set null;`,
		);
		this.addSql(
			`alter table "questionnaire_response" add constraint "questionnaire_response_recorded_by_role_check" check ("recorded_by_role" in ('THERAPIST', 'CLIENT'));`,
		);

		this.addSql(
			`alter table "observation" add constraint "observation_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`,
		);
		this.addSql(
			`alter table "observation" add constraint "observation_client_id_foreign" foreign key ("client_id") references "client" ("id");`,
		);
		this.addSql(
			`alter table "observation" add constraint "observation_series_id_foreign" foreign key ("series_id") references "treatment_series" ("id") on delete set null;`,
		);
		this.addSql(
			`alter table "observation" add constraint "observation_session_id_foreign" foreign key ("session_id") references "treatment_session" ("id") on delete set null;`,
		);
		this.addSql(
			`alter table "observation" add constraint "observation_measure_code_foreign" foreign key ("measure_code") references "measure" ("code");`,
		);
		this.addSql(
			`alter table "observation" add constraint "observation_region_code_foreign" foreign key ("region_code") references "body_region" ("code") on delete set null;`,
		);
		this.addSql(
			`alter table "observation" add constraint "observation_recorded_by_therapist_id_foreign" foreign key ("recorded_by_therapist_id") references "therapist" ("id") on delete set null;`,
		);
		this.addSql(
			`alter table "observation" add constraint "observation_questionnaire_response_id_foreign" foreign key ("questionnaire_response_id") references "questionnaire_response" ("id") on delete set null;`,
		);
		this.addSql(
			`alter table "observation" add constraint "observation_side_check" check ("side" in ('LEFT', 'RIGHT'));`,
		);
		this.addSql(
			`alter table "observation" add constraint "observation_context_check" check ("context" in ('PRE_SESSION', 'POST_SESSION', 'BETWEEN_SESSIONS'));`,
		);
		this.addSql(
			`alter table "observation" add constraint "observation_recorded_by_role_check" check ("recorded_by_role" in ('THERAPIST', 'CLIENT'));`,
		);
	}

	override down(): void | Promise<void> {
		this.addSql(
			`alter table "treated_region" drop constraint "treated_region_region_code_foreign";`,
		);
		this.addSql(
			`alter table "observation" drop constraint "observation_region_code_foreign";`,
		);
		this.addSql(
			`alter table "client" drop constraint "client_clinic_id_foreign";`,
		);
		this.addSql(
			`alter table "therapist" drop constraint "therapist_clinic_id_foreign";`,
		);
		this.addSql(
			`alter table "intake" drop constraint "intake_clinic_id_foreign";`,
		);
		this.addSql(
			`alter table "treatment_series" drop constraint "treatment_series_clinic_id_foreign";`,
		);
		this.addSql(
			`alter table "treatment_session" drop constraint "treatment_session_clinic_id_foreign";`,
		);
		this.addSql(
			`alter table "treated_region" drop constraint "treated_region_clinic_id_foreign";`,
		);
		this.addSql(
			`alter table "questionnaire_response" drop constraint "questionnaire_response_clinic_id_foreign";`,
		);
		this.addSql(
			`alter table "observation" drop constraint "observation_clinic_id_foreign";`,
		);
		this.addSql(
			`alter table "intake" drop constraint "intake_client_id_foreign";`,
		);
		this.addSql(
			`alter table "treatment_series" drop constraint "treatment_series_client_id_foreign";`,
		);
		this.addSql(
			`alter table "questionnaire_response" drop constraint "questionnaire_response_client_id_foreign";`,
		);
		this.addSql(
			`alter table "observation" drop constraint "observation_client_id_foreign";`,
		);
		this.addSql(
			`alter table "treatment_series" drop constraint "treatment_series_condition_code_foreign";`,
		);
		this.addSql(
			`alter table "questionnaire_response" drop constraint "questionnaire_response_instrument_code_foreign";`,
		);
		this.addSql(
			`alter table "observation" drop constraint "observation_measure_code_foreign";`,
		);
		this.addSql(
			`alter table "intake" drop constraint "intake_recorded_by_id_foreign";`,
		);
		this.addSql(
			`alter table "treatment_series" drop constraint "treatment_series_therapist_id_foreign";`,
		);
		this.addSql(
			`alter table "treatment_session" drop constraint "treatment_session_therapist_id_foreign";`,
		);
		this.addSql(
			`alter table "questionnaire_response" drop constraint "questionnaire_response_recorded_by_therapist_id_foreign";`,
		);
		this.addSql(
			`alter table "observation" drop constraint "observation_recorded_by_therapist_id_foreign";`,
		);
		this.addSql(
			`alter table "treatment_session" drop constraint "treatment_session_series_id_foreign";`,
		);
		this.addSql(
			`alter table "questionnaire_response" drop constraint "questionnaire_response_series_id_foreign";`,
		);
		this.addSql(
			`alter table "observation" drop constraint "observation_series_id_foreign";`,
		);
		this.addSql(
			`alter table "treated_region" drop constraint "treated_region_session_id_foreign";`,
		);
		this.addSql(
			`alter table "questionnaire_response" drop constraint "questionnaire_response_session_id_foreign";`,
		);
		this.addSql(
			`alter table "observation" drop constraint "observation_session_id_foreign";`,
		);
		this.addSql(
			`alter table "observation" drop constraint "observation_questionnaire_response_id_foreign";`,
		);

		this.addSql(`drop table if exists "body_region" cascade;`);
		this.addSql(`drop table if exists "clinic" cascade;`);
		this.addSql(`drop table if exists "client" cascade;`);
		this.addSql(`drop table if exists "condition" cascade;`);
		this.addSql(`drop table if exists "instrument" cascade;`);
		this.addSql(`drop table if exists "measure" cascade;`);
		this.addSql(`drop table if exists "therapist" cascade;`);
		this.addSql(`drop table if exists "intake" cascade;`);
		this.addSql(`drop table if exists "treatment_series" cascade;`);
		this.addSql(`drop table if exists "treatment_session" cascade;`);
		this.addSql(`drop table if exists "treated_region" cascade;`);
		this.addSql(`drop table if exists "questionnaire_response" cascade;`);
		this.addSql(`drop table if exists "observation" cascade;`);
	}
}
