"""Response and request models of the API (they make the OpenAPI document)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pbxdesk.domain.text import TTS, char_name, is_blank


class Problem(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str
    title: str
    status: int
    detail: str


class NumberItem(BaseModel):
    number: str
    name: str
    revision: int
    problems: int = Field(ge=0, description="how many problems (SPEC §5 errors and warnings) the current revision "
                                            "has against the company's current directory")


class NumberList(BaseModel):
    items: list[NumberItem]


class RoutingProblem(BaseModel):
    severity: Literal["error", "warning"]
    pointer: str = Field(description="JSON Pointer into the routing document")
    code: str = Field(description="the SPEC §5 code (docs/validation.md)")
    message: str


class NumberProblems(BaseModel):
    number: str
    revision: int = Field(description="the revision checked: the current one")
    items: list[RoutingProblem]


class NodeDeploy(BaseModel):
    node: str
    status: Literal["pending", "ok", "failed", "superseded"]
    message: str = Field(description="the node's own message (e.g. why its reload failed)")
    deployed_at: str | None
    revision: int | None = Field(default=None, description="the revision this node last reported")
    last_seen_at: str | None = None


class RevisionDeploy(BaseModel):
    status: Literal["pending", "ok", "failed", "superseded"] = Field(
        description="superseded: a newer revision reached the nodes first, this one was never deployed there")
    live_on: int
    nodes_total: int
    nodes: list[NodeDeploy]


class RevisionItem(BaseModel):
    revision: int
    saved_at: str
    author: str
    deploy: RevisionDeploy | None


class RevisionList(BaseModel):
    items: list[RevisionItem]


class DeployStatus(BaseModel):
    number: str
    revision: int
    status: Literal["pending", "ok", "failed"] = Field(
        description="ok: live on every node; failed: some node failed; pending: not yet everywhere")
    message: str
    deployed_at: str | None = Field(description="when the last node made it live (status ok)")
    live_on: int = Field(description="how many nodes have the current revision live")
    nodes_total: int
    nodes: list[NodeDeploy]


class DeployOverview(BaseModel):
    nodes_total: int
    items: list[DeployStatus] = Field(description="numbers not live on every node (every number with all=true); "
                                                  "their `nodes` list only the nodes that lack them")


class Health(BaseModel):
    status: Literal["ok"]
    database: str


class Change(BaseModel):
    seq: int
    kind: Literal["number", "directory", "media"]
    id: str
    revision: int | None
    deleted: bool


class ChangesPage(BaseModel):
    changes: list[Change]
    next: int = Field(description="the cursor to pass as `since` for the next page")
    has_more: bool


class MediaInfo(BaseModel):
    id: str
    duration_s: float


class RevisionRef(BaseModel):
    number: str
    revision: int


class MediaItem(BaseModel):
    id: str = Field(description="the media id: SHA-256 of the uploaded bytes")
    name: str | None = Field(description="the file name it was uploaded with, or renamed to (null when none "
                                         "was given)")
    duration_s: float
    size_bytes: int = Field(description="the size of the stored 8 kHz WAV master")
    uploaded_at: str = Field(description="when it was first uploaded (UTC, ISO 8601)")
    numbers: list[str] = Field(description="the numbers whose current routing uses it")
    old_revisions: list[RevisionRef] = Field(description="earlier revisions of numbers that use it (they can "
                                                         "be restored, so it is kept for them)")


class MediaList(BaseModel):
    items: list[MediaItem]


class TtsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=TTS.max_length, json_schema_extra={
        "pattern": TTS.pattern, "description": "the text to speak, as a prompt's `tts` may hold it: not only "
                                               "spaces, no control characters but tab and line breaks"})
    voice: Literal["ru", "en"] = "ru"

    @field_validator("text")
    @classmethod
    def _text_rule(cls, value: str) -> str:
        """The prompt text rule of pbxdesk.domain.text (the pattern above says the same)."""
        bad = TTS.forbidden(value)
        if bad is not None:
            raise ValueError(f"the character {char_name(bad[1])} at position {bad[0]} is not allowed in the text")
        if is_blank(value):
            raise ValueError("the text is only spaces")
        return value


class EmployeeBody(BaseModel):
    id: str
    name: str
    extension: str | None = None
    email: str | None = None


class DepartmentBody(BaseModel):
    id: str
    name: str
    members: list[str]


class DirectoryBody(BaseModel):
    employees: list[EmployeeBody]
    departments: list[DepartmentBody]
