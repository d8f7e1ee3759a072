"""The story page's sections, one module per family: each section is a function of the story's
``StoryData`` returning the dict its partial ``templates/sections/KEY.html`` shows
(``views.story.STORY_SECTIONS`` lists them in order)."""
