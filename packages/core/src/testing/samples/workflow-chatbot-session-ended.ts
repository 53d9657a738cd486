/**
 * @module
 * `workflow.chatbot.session_ended` sample: AIRudder's published example
 * (`test/fixtures/workflow-chatbot-session-ended.json`),
 * kept as a module so the test kit reads no files.
 */

export const workflowChatbotSessionEndedSample = {
  workflow_id: '4cb9db206ac04xxxxxxxxa315e4e613d2',
  workflow_name: '0970_0415_1',
  nodetask_id: '8fb437c7cxxxxxxxx43b35b09b5a3',
  nodetask_name: 'WABA Template1_232fe6',
  waba_task_id: '602ff2fc65exxxxxxxxb89b4ee9736e',
  wfdetail_uuid: '4a786086d05xxxxxxxx9dfb8abb1de7',
  timestamp: 1744699269,
  channel: 'WhatsApp',
  channel_id: '6289xxxxxxxx9070',
  callee: '+6289xxxxxxxx89092',
  call_id: 'a3f5c12ac59xxxxxxxxad71fe6a8ea3e',
  robot_id: '4755',
  status: 'closed',
  session_start_time: '2025-04-15T06:41:00Z',
  session_end_time: '2025-04-15T06:41:09Z',
  session_end_reason: 'robot',
  intention: 'E',
  talk_round: 3,
  ner_slots: {
    test_echo: 'okhhhhh',
  },
  event_label: {
    EventLabel: '1',
  },
  variables: {
    date: '2025-05-01',
    name: 'xinxin.tao',
    project: 'voicebot',
  },
  messages: [
    {
      msg_id: '172016xxxxxxxx45344',
      sender_type: 'system',
      timestamp: 1720160207,
      status: 'delivery',
      content: {
        type: 'system',
        system: {
          type: 'conversation.start',
          from_seat_id: '',
          to_seat_id: '',
        },
      },
    },
    {
      msg_id: '05b1de1203xxxxxxxx64432e9a',
      sender_type: 'chatbot',
      timestamp: 1720159500,
      status: 'read',
      content: {
        type: 'template',
        template: {
          type: 'WhatsApp',
          content: {
            header: {
              type: 'image',
              media: {
                origin_url:
                  'https://xxxxxxxx/wpimages/2020/02/france-in-pictuxxxxxxxxtograph-eiffel-tower.jpg',
              },
            },
            body: 'Hi, tom, we will hold a party from 2024-03-07, welcome to join us',
            footer: 'welcome',
            button: [
              {
                type: 'QUICK_REPLY',
                text: 'no',
              },
              {
                type: 'OPT_OUT',
                text: 'yes',
              },
            ],
          },
          info: {
            id: 35,
            name: 'opt_out_02_27_english',
            language: 'en',
          },
        },
      },
    },
    {
      msg_id: '37c9704d4xxxxxxxx64982',
      sender_type: 'user',
      timestamp: 1720159548,
      status: 'read',
      content: {
        type: 'button',
        text: 'no',
      },
      reply: {
        msg_id: '05b1de12037xxxxxxxx64432e9a',
        sender_type: 'chatbot',
        timestamp: 1720159500,
        content: {
          type: 'template',
          template: {
            type: 'WhatsApp',
            content: {
              header: {
                type: 'image',
                media: {
                  origin_url:
                    'https://xxxxxxxx/wpimages/2020/02/france-in-pictures-beautiful-places-to-photograph-eiffel-tower.jpg',
                },
              },
              body: 'Hi, tom, we will hold a party from 2024-03-07, welcome to join us',
              footer: 'welcome',
              button: [
                {
                  type: 'QUICK_REPLY',
                  text: 'no',
                },
                {
                  type: 'OPT_OUT',
                  text: 'yes',
                },
              ],
            },
            info: {
              id: 35,
              name: 'opt_out_02_27_english',
              language: 'en',
            },
          },
        },
      },
    },
    {
      msg_id: '9fd6d0673089xxxxxxxx4e9fb476a1e-0',
      sender_type: 'robot',
      timestamp: 1720159548,
      status: 'read',
      content: {
        type: 'text',
        text: 'xxxxxxxx',
      },
    },
    {
      msg_id: '9fd6d0673089xxxxxxxxfb476a1e-1',
      sender_type: 'robot',
      timestamp: 1720159549,
      status: 'read',
      content: {
        type: 'image',
        media: {
          origin_url: 'https://xxxxxxxxxxxxxxxx',
        },
      },
    },
    {
      msg_id: '9fd6d06730xxxxxxxxb476a1e-2',
      sender_type: 'robot',
      timestamp: 1720159549,
      status: 'read',
      content: {
        type: 'file',
        media: {
          origin_url: 'https://xxxxxxxx',
          name: 'welcome_to_Earth.pdf',
        },
      },
    },
    {
      msg_id: 'e39f5aabaxxxxxxxx17383206-1',
      sender_type: 'robot',
      timestamp: 1720160208,
      status: 'read',
      content: {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: {
            text: '请选择您的性别(button)👉👉👉',
          },
          footer: {
            text: '',
          },
          action: {
            buttons: [
              {
                type: 'reply',
                reply: {
                  id: '9ceb8dbe777xxxxxxxx5b44-2-1-button-0-',
                  title: '男',
                },
              },
              {
                type: 'reply',
                reply: {
                  id: '9ceb8dbe7773eaxxxxxxxx44-2-1-button-1-',
                  title: '女',
                },
              },
              {
                type: 'reply',
                reply: {
                  id: '9ceb8dbe77xxxxxxxx-2-1-button-2-',
                  title: '其他',
                },
              },
            ],
          },
        },
      },
    },
    {
      msg_id: 'f349a1da0c16xxxxxxxxd192a650',
      sender_type: 'user',
      timestamp: 1720160216,
      status: 'read',
      content: {
        type: 'interactive',
        text: '男',
      },
      reply: {
        msg_id: 'e39f5aaba04e4xxxxxxxx17383206-1',
        sender_type: 'robot',
        timestamp: 1720160208,
        content: {
          type: 'interactive',
          interactive: {
            type: 'button',
            body: {
              text: '请选择您的性别(button)👉👉👉',
            },
            footer: {
              text: '',
            },
            action: {
              buttons: [
                {
                  type: 'reply',
                  reply: {
                    id: '9ceb8dbe7773exxxxxxxx4-2-1-button-0-',
                    title: '男',
                  },
                },
                {
                  type: 'reply',
                  reply: {
                    id: '9ceb8dbe7773exxxxxxxx44-2-1-button-1-',
                    title: '女',
                  },
                },
                {
                  type: 'reply',
                  reply: {
                    id: '9ceb8dbe7773exxxxxxxx44-2-1-button-2-',
                    title: '其他',
                  },
                },
              ],
            },
          },
        },
      },
    },
    {
      msg_id: 'ecc6f3501c1cxxxxxxxxcf0f603-1',
      sender_type: 'robot',
      timestamp: 1720159575,
      status: 'read',
      content: {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: {
            text: 'xxxxxxxx',
          },
          footer: {
            text: '',
          },
          action: {
            button: 'xxxxxxxx',
            sections: [
              {
                title: 'xxxxxxxx',
                rows: [
                  {
                    id: '8893ba3fdfb69xxxxxxxx915c6eb-3-1-list-0-0-',
                    title: 'xxxxxxxx',
                    description: '',
                  },
                  {
                    id: '8893ba3fdfbxxxxxxxx7915c6eb-3-1-list-0-1-',
                    title: 'xxxxxxxx',
                    description: '',
                  },
                ],
              },
              {
                title: 'xxxxxxxx',
                rows: [
                  {
                    id: '8893ba3fdfb699xxxxxxxxeb-3-1-list-1-0-',
                    title: 'xxxxxxxx',
                    description: '',
                  },
                  {
                    id: '8893ba3fdfb6xxxxxxxx915c6eb-3-1-list-1-1-',
                    title: 'xxxxxxxx',
                    description: '',
                  },
                ],
              },
            ],
          },
        },
      },
    },
    {
      msg_id: 'a3a032b058xxxxxxxx72fc3be5',
      sender_type: 'user',
      timestamp: 1720159582,
      status: 'read',
      content: {
        type: 'interactive',
        text: 'xxxxxxxx',
      },
      reply: {
        msg_id: 'ecc6f3501c1c4xxxxxxxx4bccf0f603-1',
        sender_type: 'robot',
        timestamp: 1720159575,
        content: {
          type: 'interactive',
          interactive: {
            type: 'list',
            body: {
              text: 'xxxxxxxx',
            },
            footer: {
              text: '',
            },
            action: {
              button: 'xxxxxxxx',
              sections: [
                {
                  title: 'xxxxxxxx',
                  rows: [
                    {
                      id: '8893ba3fdxxxxxxxx15c6eb-3-1-list-0-0-',
                      title: 'xxxxxxxx',
                      description: '',
                    },
                    {
                      id: '8893ba3fdfbxxxxxxxx587b07915c6eb-3-1-list-0-1-',
                      title: 'xxxxxxxx',
                      description: '',
                    },
                  ],
                },
                {
                  title: 'xxxxxxxx',
                  rows: [
                    {
                      id: '8893ba3fdfbxxxxxxxxb07915c6eb-3-1-list-1-0-',
                      title: 'xxxxxxxx',
                      description: '',
                    },
                    {
                      id: '8893ba3fdfb699xxxxxxxx915c6eb-3-1-list-1-1-',
                      title: 'xxxxxxxx',
                      description: '',
                    },
                  ],
                },
              ],
            },
          },
        },
      },
    },
    {
      msg_id: '82dfe7a9be1xxxxxxxx0842e304661',
      sender_type: 'user',
      timestamp: 1720159634,
      status: 'read',
      content: {
        type: 'location',
        location: {
          latitude: 31.178762435913,
          longitude: 121.40837097168,
          address: 'xxxxxxxx',
          name: 'xxxxxxxx',
        },
      },
    },
    {
      msg_id: '27026cacf7xxxxxxxx4234857f96',
      sender_type: 'user',
      timestamp: 1720159658,
      status: 'read',
      content: {
        type: 'contacts',
        contacts: [
          {
            name: 'xxxxxxxx',
            phone_number: '+86xxxxxxxx7425',
          },
        ],
      },
    },
    {
      msg_id: '172016xxxxxxxx1966260',
      sender_type: 'system',
      timestamp: 1720160321,
      status: 'delivery',
      content: {
        type: 'system',
        system: {
          type: 'conversation.take_over',
          from_seat_id: '',
          to_seat_id: 'xxxxxxxx',
        },
      },
    },
    {
      msg_id: '30754f2269a4xxxxxxxx88971f86eb',
      sender_type: 'agent',
      timestamp: 1720160324,
      status: 'read',
      content: {
        type: 'text',
        text: 'hi',
      },
    },
    {
      msg_id: '68a99767a6xxxxxxxx77f7f074a5a',
      sender_type: 'user',
      timestamp: 1720160338,
      status: 'read',
      content: {
        type: 'text',
        text: 'bye',
      },
    },
    {
      msg_id: '172016xxxxxxxx8081689',
      sender_type: 'system',
      timestamp: 1720160343,
      status: 'delivery',
      content: {
        type: 'system',
        system: {
          type: 'conversation.close',
          from_seat_id: '',
          to_seat_id: 'xxxxxxxx',
        },
      },
    },
  ],
}
