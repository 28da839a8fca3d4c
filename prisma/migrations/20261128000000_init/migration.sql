-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ReleaseStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETRACTED');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('CREDENTIALS_PRESENTATION', 'BILATERAL_MEETING', 'PHONE_CALL', 'VIDEO_CONFERENCE', 'OFFICIAL_VISIT', 'POLITICAL_CONSULTATIONS', 'MULTILATERAL_MEETING', 'FAREWELL_MEETING', 'OTHER');

-- CreateEnum
CREATE TYPE "RoleKind" AS ENUM ('HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT', 'FOREIGN_MINISTER', 'DEPUTY_FOREIGN_MINISTER', 'MINISTER', 'AMBASSADOR', 'DIPLOMAT', 'OFFICIAL', 'INTERNATIONAL_OFFICIAL', 'OTHER');

-- CreateEnum
CREATE TYPE "ParticipantSide" AS ENUM ('HOST', 'GUEST');

-- CreateEnum
CREATE TYPE "InitiativeKind" AS ENUM ('ORGANISATION', 'PLATFORM', 'CONFERENCE', 'PROGRAMME', 'PROCESS', 'INSTITUTION', 'OTHER');

-- CreateEnum
CREATE TYPE "ApiKeyRole" AS ENUM ('EDITOR', 'ADMIN');

-- CreateTable
CREATE TABLE "country" (
    "code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "official_name" TEXT,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "demonyms" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "topic" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "press_release" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "dateline_place" TEXT,
    "dateline_country_code" CHAR(2),
    "dateline_date" DATE,
    "issuer_name" TEXT,
    "issuer_country_code" CHAR(2),
    "source_name" TEXT,
    "source_url" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "body" TEXT NOT NULL,
    "status" "ReleaseStatus" NOT NULL DEFAULT 'PUBLISHED',
    "retraction_reason" TEXT,
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "press_release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" SERIAL NOT NULL,
    "press_release_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "date" DATE NOT NULL,
    "place" TEXT,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "alias_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_role" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "role_kind" "RoleKind" NOT NULL,
    "country_code" CHAR(2),
    "first_seen" DATE NOT NULL,
    "last_seen" DATE NOT NULL,

    CONSTRAINT "person_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "role_kind" "RoleKind" NOT NULL,
    "country_code" CHAR(2),
    "side" "ParticipantSide",

    CONSTRAINT "participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "initiative" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "acronym" TEXT,
    "kind" "InitiativeKind" NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "alias_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "initiative_mention" (
    "id" SERIAL NOT NULL,
    "initiative_id" INTEGER NOT NULL,
    "press_release_id" INTEGER NOT NULL,
    "meeting_id" INTEGER,
    "sentence" TEXT NOT NULL,

    CONSTRAINT "initiative_mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "release_topic" (
    "press_release_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "mentions" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "release_topic_pkey" PRIMARY KEY ("press_release_id","topic_id")
);

-- CreateTable
CREATE TABLE "release_country" (
    "press_release_id" INTEGER NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    "mentions" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "release_country_pkey" PRIMARY KEY ("press_release_id","country_code")
);

-- CreateTable
CREATE TABLE "meeting_topic" (
    "meeting_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,

    CONSTRAINT "meeting_topic_pkey" PRIMARY KEY ("meeting_id","topic_id")
);

-- CreateTable
CREATE TABLE "meeting_initiative" (
    "meeting_id" INTEGER NOT NULL,
    "initiative_id" INTEGER NOT NULL,

    CONSTRAINT "meeting_initiative_pkey" PRIMARY KEY ("meeting_id","initiative_id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "role" "ApiKeyRole" NOT NULL,
    "key_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "topic_slug_key" ON "topic"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "press_release_slug_key" ON "press_release"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "press_release_source_url_key" ON "press_release"("source_url");

-- CreateIndex
CREATE UNIQUE INDEX "press_release_content_hash_key" ON "press_release"("content_hash");

-- CreateIndex
CREATE INDEX "press_release_published_at_id_idx" ON "press_release"("published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "press_release_status_published_at_id_idx" ON "press_release"("status", "published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "press_release_dateline_country_code_idx" ON "press_release"("dateline_country_code");

-- CreateIndex
CREATE INDEX "press_release_issuer_country_code_idx" ON "press_release"("issuer_country_code");

-- CreateIndex
CREATE INDEX "meeting_press_release_id_idx" ON "meeting"("press_release_id");

-- CreateIndex
CREATE INDEX "meeting_kind_idx" ON "meeting"("kind");

-- CreateIndex
CREATE INDEX "meeting_date_id_idx" ON "meeting"("date" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "person_name_key_key" ON "person"("name_key");

-- CreateIndex
CREATE INDEX "person_alias_keys_idx" ON "person" USING GIN ("alias_keys");

-- CreateIndex
CREATE INDEX "person_role_country_code_idx" ON "person_role"("country_code");

-- CreateIndex
CREATE UNIQUE INDEX "person_role_person_id_title_key" ON "person_role"("person_id", "title");

-- CreateIndex
CREATE INDEX "participant_person_id_idx" ON "participant"("person_id");

-- CreateIndex
CREATE INDEX "participant_country_code_idx" ON "participant"("country_code");

-- CreateIndex
CREATE UNIQUE INDEX "participant_meeting_id_person_id_key" ON "participant"("meeting_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "initiative_name_key_key" ON "initiative"("name_key");

-- CreateIndex
CREATE INDEX "initiative_acronym_idx" ON "initiative"("acronym");

-- CreateIndex
CREATE INDEX "initiative_alias_keys_idx" ON "initiative" USING GIN ("alias_keys");

-- CreateIndex
CREATE INDEX "initiative_mention_initiative_id_idx" ON "initiative_mention"("initiative_id");

-- CreateIndex
CREATE INDEX "initiative_mention_press_release_id_idx" ON "initiative_mention"("press_release_id");

-- CreateIndex
CREATE INDEX "initiative_mention_meeting_id_idx" ON "initiative_mention"("meeting_id");

-- CreateIndex
CREATE INDEX "release_topic_topic_id_idx" ON "release_topic"("topic_id");

-- CreateIndex
CREATE INDEX "release_country_country_code_idx" ON "release_country"("country_code");

-- CreateIndex
CREATE INDEX "meeting_topic_topic_id_idx" ON "meeting_topic"("topic_id");

-- CreateIndex
CREATE INDEX "meeting_initiative_initiative_id_idx" ON "meeting_initiative"("initiative_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_key_hash_key" ON "api_key"("key_hash");

-- AddForeignKey
ALTER TABLE "press_release" ADD CONSTRAINT "press_release_dateline_country_code_fkey" FOREIGN KEY ("dateline_country_code") REFERENCES "country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "press_release" ADD CONSTRAINT "press_release_issuer_country_code_fkey" FOREIGN KEY ("issuer_country_code") REFERENCES "country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_press_release_id_fkey" FOREIGN KEY ("press_release_id") REFERENCES "press_release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_role" ADD CONSTRAINT "person_role_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_role" ADD CONSTRAINT "person_role_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant" ADD CONSTRAINT "participant_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant" ADD CONSTRAINT "participant_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant" ADD CONSTRAINT "participant_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_mention" ADD CONSTRAINT "initiative_mention_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_mention" ADD CONSTRAINT "initiative_mention_press_release_id_fkey" FOREIGN KEY ("press_release_id") REFERENCES "press_release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_mention" ADD CONSTRAINT "initiative_mention_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_topic" ADD CONSTRAINT "release_topic_press_release_id_fkey" FOREIGN KEY ("press_release_id") REFERENCES "press_release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_topic" ADD CONSTRAINT "release_topic_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_country" ADD CONSTRAINT "release_country_press_release_id_fkey" FOREIGN KEY ("press_release_id") REFERENCES "press_release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_country" ADD CONSTRAINT "release_country_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_topic" ADD CONSTRAINT "meeting_topic_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_topic" ADD CONSTRAINT "meeting_topic_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_initiative" ADD CONSTRAINT "meeting_initiative_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_initiative" ADD CONSTRAINT "meeting_initiative_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

